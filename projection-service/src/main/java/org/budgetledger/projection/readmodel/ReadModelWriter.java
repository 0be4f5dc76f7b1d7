package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/** Applies events to the read model, each exactly once however often it is delivered. */
@Repository
public class ReadModelWriter {

    public record Delivered(EventEnvelope envelope, LedgerEvent event) {
    }

    private final JdbcClient jdbc;

    ReadModelWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many of the events were new (the rest had been applied before) */
    @Transactional
    public int apply(List<Delivered> events) {
        int applied = 0;
        for (Delivered delivered : events) {
            EventEnvelope envelope = delivered.envelope();
            LedgerEvent event = delivered.event();
            int fresh = jdbc.sql("""
                            INSERT INTO projection.applied_event (sequence, event_id, type, unit, year, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""")
                    .params(envelope.sequence(), envelope.eventId(), envelope.type(), event.unit(), event.year(),
                            Timestamp.from(envelope.recordedAt()))
                    .update();
            if (fresh == 0) {
                continue;
            }
            applied++;
            for (Fact fact : FactsOfEvent.of(envelope, event)) {
                insert(fact);
            }
            if (event instanceof ThreePublicLimitSet limit) {
                insert(LimitSetting.of(envelope, limit));
            }
        }
        return applied;
    }

    private void insert(Fact fact) {
        jdbc.sql("""
                        INSERT INTO projection.fact (sequence, part, unit, year, effective_date, recorded_at, measure,
                            fund, subject, kind, economic, project, line_id, origin, amount_fen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fact.sequence(), fact.part(), fact.unit(), fact.year(), Date.valueOf(fact.effectiveDate()),
                        Timestamp.from(fact.recordedAt()), fact.measure().name(), fact.fund().name(), fact.subject(),
                        fact.kind() == null ? null : fact.kind().name(), fact.economic(), fact.project(),
                        fact.lineId(), fact.origin() == null ? null : fact.origin().name(), fact.amountFen())
                .update();
    }

    private void insert(LimitSetting limit) {
        jdbc.sql("""
                        INSERT INTO projection.three_public_limit (sequence, unit, year, category, effective_date,
                            recorded_at, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(limit.sequence(), limit.unit(), limit.year(), limit.category().name(),
                        Date.valueOf(limit.effectiveDate()), Timestamp.from(limit.recordedAt()), limit.amountFen())
                .update();
    }

    /** The highest sequence applied so far (0 before the first event). */
    public long lastAppliedSequence() {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM projection.applied_event").query(Long.class).single();
    }
}
