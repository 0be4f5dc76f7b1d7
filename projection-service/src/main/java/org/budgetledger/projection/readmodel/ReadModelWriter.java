package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.web.jdbc.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies events to the read model, each exactly once however often it is delivered.
 *
 * <p>A delivery of many events is written in a few statements, not one per row: the applied events (whose
 * insert tells which are new), then the facts of the new ones, then their day sums, added up per day and
 * dimension first so that each sum is written once per delivery. Then the checkpoints of
 * knowledge of the unit-years it touched are brought up to date ({@link FactCheckpoints}).
 */
public class ReadModelWriter {

    public record Delivered(EventEnvelope envelope, LedgerEvent event) {
    }

    /** A row of fact_daily: absent dimensions are empty strings, so that they take part in the key. */
    private record DayKey(String unit, int year, LocalDate effectiveDate, String measure, String fund, String subject,
                          String kind, String economic, String project, String origin) implements Comparable<DayKey> {
        static DayKey of(Fact fact) {
            return new DayKey(fact.unit(), fact.year(), fact.effectiveDate(), fact.measure().name(),
                    fact.fund().name(), fact.subject(), fact.kind() == null ? "" : fact.kind().name(),
                    fact.economic() == null ? "" : fact.economic(), fact.project() == null ? "" : fact.project(),
                    fact.origin() == null ? "" : fact.origin().name());
        }

        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::unit).thenComparingInt(DayKey::year)
                .thenComparing(DayKey::effectiveDate).thenComparing(DayKey::measure).thenComparing(DayKey::fund)
                .thenComparing(DayKey::subject).thenComparing(DayKey::kind).thenComparing(DayKey::economic)
                .thenComparing(DayKey::project).thenComparing(DayKey::origin);

        /** One order for every writer, so that concurrent deliveries lock day sums in the same order. */
        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String schema;
    private final FactCheckpoints checkpoints;

    /**
     * @param schema      the read model's schema: the live one, or a replay's scratch schema
     * @param bucketFacts facts recorded between two checkpoints of knowledge, at least
     */
    public ReadModelWriter(JdbcTemplate jdbc, TransactionTemplate transactions, String schema, int bucketFacts) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = schema;
        this.checkpoints = new FactCheckpoints(jdbc, schema, bucketFacts);
    }

    /** @return how many of the events were new (the rest had been applied before); all in one transaction */
    public int apply(List<Delivered> events) {
        Integer applied = transactions.execute(status -> applyInTransaction(events));
        return applied == null ? 0 : applied;
    }

    private int applyInTransaction(List<Delivered> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ColumnArrays appliedEvents = new ColumnArrays("bigint", "varchar", "varchar", "varchar", "int", "timestamptz");
        for (Delivered delivered : events) {
            appliedEvents.add(delivered.envelope().sequence(), delivered.envelope().eventId(), delivered.envelope().type(),
                    delivered.event().unit(), delivered.event().year(), delivered.envelope().recordedAt().toString());
        }
        // the events not applied before: the primary key turns a redelivered one into no row
        Set<Long> fresh = new HashSet<>(jdbc.queryForList("""
                        INSERT INTO %s.applied_event (sequence, event_id, type, unit, year, recorded_at)
                        SELECT * FROM unnest(?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING
                        RETURNING sequence""".formatted(schema), Long.class, appliedEvents.arrays()));
        ColumnArrays facts = new ColumnArrays("bigint", "int", "varchar", "int", "date", "timestamptz", "varchar", "varchar", "varchar",
                "varchar", "varchar", "varchar", "varchar", "varchar", "bigint");
        ColumnArrays limits = new ColumnArrays("bigint", "varchar", "int", "varchar", "date", "timestamptz", "bigint");
        Map<DayKey, Long> daySums = new TreeMap<>();
        Map<String, FactCheckpoints.Arrived> arrived = new TreeMap<>();
        int applied = 0;
        for (Delivered delivered : events) {
            if (!fresh.remove(delivered.envelope().sequence())) {
                continue; // applied before, or twice in this delivery
            }
            applied++;
            EventEnvelope envelope = delivered.envelope();
            LedgerEvent event = delivered.event();
            for (Fact fact : FactsOfEvent.of(envelope, event)) {
                facts.add(fact.sequence(), fact.part(), fact.unit(), fact.year(), fact.effectiveDate().toString(),
                        fact.recordedAt().toString(), fact.measure().name(), fact.fund().name(), fact.subject(),
                        fact.kind() == null ? null : fact.kind().name(), fact.economic(), fact.project(),
                        fact.lineId(), fact.origin() == null ? null : fact.origin().name(), fact.amountFen());
                daySums.merge(DayKey.of(fact), fact.amountFen(), Math::addExact);
                arrived.merge(fact.unit() + ":" + fact.year(), new FactCheckpoints.Arrived(fact.unit(), fact.year(), 1,
                        fact.recordedAt(), fact.recordedAt()), ReadModelWriter::together);
            }
            if (event instanceof ThreePublicLimitSet limitSet) {
                LimitSetting limit = LimitSetting.of(envelope, limitSet);
                limits.add(limit.sequence(), limit.unit(), limit.year(), limit.category().name(),
                        limit.effectiveDate().toString(), limit.recordedAt().toString(), limit.amountFen());
            }
        }
        if (!facts.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.fact (sequence, part, unit, year, effective_date, recorded_at, measure,
                        fund, subject, kind, economic, project, line_id, origin, amount_fen)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(schema), facts.arrays());
            ColumnArrays sums = new ColumnArrays("varchar", "int", "date", "varchar", "varchar", "varchar", "varchar", "varchar",
                    "varchar", "varchar", "bigint");
            daySums.forEach((key, fen) -> sums.add(key.unit(), key.year(), key.effectiveDate().toString(), key.measure(),
                    key.fund(), key.subject(), key.kind(), key.economic(), key.project(), key.origin(), fen));
            // in the keys' order, as every writer does, so that concurrent deliveries lock day sums in one order
            jdbc.update("""
                    INSERT INTO %s.fact_daily (unit, year, effective_date, measure, fund, subject, kind, economic,
                        project, origin, amount_fen)
                    SELECT unit, year, effective_date, measure, fund, subject, kind, economic, project, origin, amount_fen
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS day_sum (unit, year, effective_date,
                        measure, fund, subject, kind, economic, project, origin, amount_fen, position)
                    ORDER BY position
                    ON CONFLICT (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin)
                    DO UPDATE SET amount_fen = fact_daily.amount_fen + excluded.amount_fen""".formatted(schema), sums.arrays());
        }
        if (!limits.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.three_public_limit (sequence, unit, year, category, effective_date, recorded_at, amount_fen)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?)""".formatted(schema), limits.arrays());
        }
        checkpoints.afterApplying(arrived.values());
        return applied;
    }

    private static FactCheckpoints.Arrived together(FactCheckpoints.Arrived one, FactCheckpoints.Arrived other) {
        return new FactCheckpoints.Arrived(one.unit(), one.year(), one.facts() + other.facts(),
                one.earliest().isBefore(other.earliest()) ? one.earliest() : other.earliest(),
                one.latest().isAfter(other.latest()) ? one.latest() : other.latest());
    }
}
