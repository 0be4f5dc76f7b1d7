package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/** Applies events to the read model, each exactly once however often it is delivered. */
public class ReadModelWriter {

    public record Delivered(EventEnvelope envelope, LedgerEvent event) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String schema;

    /** @param schema the read model's schema: the live one, or a replay's scratch schema */
    public ReadModelWriter(JdbcClient jdbc, TransactionTemplate transactions, String schema) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = schema;
    }

    /** @return how many of the events were new (the rest had been applied before); all in one transaction */
    public int apply(List<Delivered> events) {
        Integer applied = transactions.execute(status -> applyInTransaction(events));
        return applied == null ? 0 : applied;
    }

    private int applyInTransaction(List<Delivered> events) {
        int applied = 0;
        for (Delivered delivered : events) {
            EventEnvelope envelope = delivered.envelope();
            LedgerEvent event = delivered.event();
            int fresh = jdbc.sql("""
                            INSERT INTO %s.applied_event (sequence, event_id, type, unit, year, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""".formatted(schema))
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
                        INSERT INTO %s.fact (sequence, part, unit, year, effective_date, recorded_at, measure,
                            fund, subject, kind, economic, project, line_id, origin, amount_fen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(schema))
                .params(fact.sequence(), fact.part(), fact.unit(), fact.year(), Date.valueOf(fact.effectiveDate()),
                        Timestamp.from(fact.recordedAt()), fact.measure().name(), fact.fund().name(), fact.subject(),
                        fact.kind() == null ? null : fact.kind().name(), fact.economic(), fact.project(),
                        fact.lineId(), fact.origin() == null ? null : fact.origin().name(), fact.amountFen())
                .update();
        jdbc.sql("""
                        INSERT INTO %s.fact_daily (unit, year, effective_date, measure, fund, subject, kind, economic,
                            project, origin, amount_fen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin)
                        DO UPDATE SET amount_fen = fact_daily.amount_fen + excluded.amount_fen""".formatted(schema))
                .params(fact.unit(), fact.year(), Date.valueOf(fact.effectiveDate()), fact.measure().name(),
                        fact.fund().name(), fact.subject(), fact.kind() == null ? "" : fact.kind().name(),
                        fact.economic() == null ? "" : fact.economic(), fact.project() == null ? "" : fact.project(),
                        fact.origin() == null ? "" : fact.origin().name(), fact.amountFen())
                .update();
    }

    private void insert(LimitSetting limit) {
        jdbc.sql("""
                        INSERT INTO %s.three_public_limit (sequence, unit, year, category, effective_date,
                            recorded_at, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)""".formatted(schema))
                .params(limit.sequence(), limit.unit(), limit.year(), limit.category().name(),
                        Date.valueOf(limit.effectiveDate()), Timestamp.from(limit.recordedAt()), limit.amountFen())
                .update();
    }
}
