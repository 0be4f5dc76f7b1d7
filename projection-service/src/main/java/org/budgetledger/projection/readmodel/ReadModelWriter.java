package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.RegistryEvent;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.platform.jdbc.ColumnArrays;
import org.roaringbitmap.longlong.Roaring64Bitmap;
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
 * knowledge of the unit-years it touched are brought up to date ({@link FactCheckpoints}); units and catalog codes
 * (registry events) are kept in their tables, in the same transaction ({@link RegistryRows}), and so are the
 * movements of commitments ({@link CommitmentRows}). A replay's scratch model writes only the day sums, limits and
 * the movements of commitments ({@link #daySumsOnly}).
 */
public class ReadModelWriter {

    public record Delivered(EventEnvelope envelope, RecordedEvent event) {
    }

    /** A row of fact_daily: absent dimensions are empty strings, so that they take part in the key. */
    private record DayKey(String unit, int year, LocalDate effectiveDate, String measure, String fund, String subject,
                          String kind, String economic, String project, String origin, String counterparty)
            implements Comparable<DayKey> {
        static DayKey of(Fact fact) {
            return new DayKey(fact.unit(), fact.year(), fact.effectiveDate(), fact.measure().name(),
                    fact.fund().name(), fact.subject(), fact.kind() == null ? "" : fact.kind().name(),
                    fact.economic() == null ? "" : fact.economic(), fact.project() == null ? "" : fact.project(),
                    fact.origin() == null ? "" : fact.origin().name(),
                    fact.counterparty() == null ? "" : fact.counterparty());
        }

        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::unit).thenComparingInt(DayKey::year)
                .thenComparing(DayKey::effectiveDate).thenComparing(DayKey::measure).thenComparing(DayKey::fund)
                .thenComparing(DayKey::subject).thenComparing(DayKey::kind).thenComparing(DayKey::economic)
                .thenComparing(DayKey::project).thenComparing(DayKey::origin).thenComparing(DayKey::counterparty);

        /** One order for every writer, so that concurrent deliveries lock day sums in the same order. */
        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String schema;
    /** Absent for a replay's scratch model, which keeps no facts (see {@link #daySumsOnly}). */
    private final FactCheckpoints checkpoints;
    /** A replay's applied sequences; absent for the live model, which records them in applied_event. */
    private final Roaring64Bitmap replayed;

    private ReadModelWriter(JdbcTemplate jdbc, TransactionTemplate transactions, String schema, FactCheckpoints checkpoints,
                            Roaring64Bitmap replayed) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = schema;
        this.checkpoints = checkpoints;
        this.replayed = replayed;
    }

    /**
     * The live read model: facts, day sums and checkpoints, so that a report can be asked at any
     * {@code knownAt}.
     *
     * @param bucketFacts facts recorded between two checkpoints of knowledge, at least
     */
    public static ReadModelWriter complete(JdbcTemplate jdbc, TransactionTemplate transactions, String schema, int bucketFacts) {
        return new ReadModelWriter(jdbc, transactions, schema, new FactCheckpoints(jdbc, schema, bucketFacts), null);
    }

    /**
     * A replay's scratch model, given only the events recorded up to its {@code knownAt}: the day sums, the
     * 三公 limits and the movements of commitments (a replay compares each commitment, which no day sum holds),
     * without the facts they add up, any checkpoint or the applied events. A report at that
     * {@code knownAt}, the only one a replay asks, reads the day sums less the facts recorded later, of which
     * there are none; the rest would be written only to be dropped with the schema, and they were most of the
     * database's work in a replay. A replay has one writer and starts empty, so it tells a redelivered event
     * by its sequence in memory, in a compressed bitmap (about a bit per event: sequences are dense); a
     * delivery that fails fails the replay, so the bitmap never runs ahead of the model.
     */
    public static ReadModelWriter daySumsOnly(JdbcTemplate jdbc, TransactionTemplate transactions, String schema) {
        return new ReadModelWriter(jdbc, transactions, schema, null, new Roaring64Bitmap());
    }

    /** @return how many of the events were new (the rest had been applied before); all in one transaction */
    public int apply(List<Delivered> events) {
        return apply(events, Map.of());
    }

    /**
     * As {@link #apply(List)}, recording with each event the hash it carried on the topic (its place in the store's
     * hash chain, SPEC §9), by sequence; an event without one is recorded without.
     */
    public int apply(List<Delivered> events, Map<Long, String> hashes) {
        Integer applied = transactions.execute(status -> applyInTransaction(events, hashes));
        return applied == null ? 0 : applied;
    }

    private int applyInTransaction(List<Delivered> events, Map<Long, String> hashes) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<Long> fresh = replayed == null ? recordApplied(events, hashes) : replayedFirst(events);
        DeliveryRows rows = new DeliveryRows(checkpoints != null);
        int applied = 0;
        for (Delivered delivered : events) {
            if (!fresh.remove(delivered.envelope().sequence())) {
                continue; // applied before, or twice in this delivery
            }
            applied++;
            rows.add(delivered);
        }
        insertFacts(rows.facts);
        insertTransactions(rows.transactions);
        insertDaySums(rows.daySums);
        insertLimits(rows.limits);
        rows.commitments.write(jdbc, schema);
        if (checkpoints != null) {
            checkpoints.afterApplying(rows.arrived.values());
        }
        if (checkpoints != null) {
            rows.disclosure.write(jdbc, schema); // the publication reads them from the live model only
        }
        rows.registry.write(jdbc, schema); // last: see RegistryRows.write
        return applied;
    }

    /** The rows a delivery's new events add, gathered before any is written. */
    private static final class DeliveryRows {
        /** Whether the facts themselves are kept, and the checkpoints that follow them (not in a scratch model). */
        private final boolean keepsFacts;
        final ColumnArrays facts = new ColumnArrays("bigint", "int", "varchar", "int", "date", "timestamptz", "varchar",
                "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "bigint", "varchar");
        final ColumnArrays limits = new ColumnArrays("bigint", "varchar", "int", "varchar", "date", "timestamptz", "bigint");
        /** What a drill-down shows of the transaction behind the facts (not in a scratch model, which keeps no facts). */
        final ColumnArrays transactions = new ColumnArrays("bigint", "text", "varchar", "text", "text", "text");
        final Map<DayKey, Long> daySums = new TreeMap<>();
        final Map<String, FactCheckpoints.Arrived> arrived = new TreeMap<>();
        /** Units and catalog codes (SPEC §12), kept in a replay's scratch model too: they name its reports. */
        final RegistryRows registry = new RegistryRows();
        /**
         * Commitments (SPEC §14), in a replay's scratch model too: a replay compares each commitment as well as the
         * tables (whose committed amounts are facts, measure COMMITTED, and so in the day sums).
         */
        final CommitmentRows commitments = new CommitmentRows();
        /** What the publication needs beyond the tables (SPEC §15). */
        final DisclosureRows disclosure = new DisclosureRows();

        DeliveryRows(boolean keepsFacts) {
            this.keepsFacts = keepsFacts;
        }

        void add(Delivered delivered) {
            EventEnvelope envelope = delivered.envelope();
            RecordedEvent event = delivered.event();
            if (keepsFacts) {
                disclosure.add(envelope, event);
            }
            if (DisclosureRows.isUnitYearData(event)) {
                return; // a unit-year's profile or reference names nothing a report prints
            }
            if (event instanceof RegistryEvent registryEvent) {
                registry.add(envelope, registryEvent);
                return;
            }
            List<Fact> ofEvent = FactsOfEvent.of(envelope, event);
            if (keepsFacts && event instanceof LedgerEvent ledgerEvent
                    && (!ofEvent.isEmpty() || event instanceof ThreePublicLimitSet)) {
                transactions.add(envelope.sequence(), ledgerEvent.transactionId(), TransactionTypes.of(ledgerEvent),
                        ledgerEvent.principal(), ledgerEvent.memo(), ledgerEvent.voucher());
            }
            for (Fact fact : ofEvent) {
                daySums.merge(DayKey.of(fact), fact.amountFen(), Math::addExact);
                if (keepsFacts) {
                    facts.add(fact.sequence(), fact.part(), fact.unit(), fact.year(), fact.effectiveDate().toString(),
                            fact.recordedAt().toString(), fact.measure().name(), fact.fund().name(), fact.subject(),
                            fact.kind() == null ? null : fact.kind().name(), fact.economic(), fact.project(),
                            fact.lineId(), fact.origin() == null ? null : fact.origin().name(), fact.amountFen(),
                            fact.counterparty());
                    arrived.merge(fact.unit() + ":" + fact.year(), new FactCheckpoints.Arrived(fact.unit(), fact.year(), 1,
                            fact.recordedAt(), fact.recordedAt()), ReadModelWriter::together);
                }
            }
            CommitmentMovement.of(envelope, event).forEach(commitments::add);
            if (event instanceof ThreePublicLimitSet limitSet) {
                LimitSetting limit = LimitSetting.of(envelope, limitSet);
                limits.add(limit.sequence(), limit.unit(), limit.year(), limit.category().name(),
                        limit.effectiveDate().toString(), limit.recordedAt().toString(), limit.amountFen());
            }
        }
    }

    private void insertFacts(ColumnArrays facts) {
        if (!facts.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.fact (sequence, part, unit, year, effective_date, recorded_at, measure,
                        fund, subject, kind, economic, project, line_id, origin, amount_fen, counterparty)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(schema), facts.arrays());
        }
    }

    private void insertTransactions(ColumnArrays transactions) {
        if (!transactions.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.fact_transaction (sequence, transaction_id, type, principal, memo, voucher)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?)""".formatted(schema), transactions.arrays());
        }
    }

    private void insertDaySums(Map<DayKey, Long> daySums) {
        if (!daySums.isEmpty()) {
            ColumnArrays sums = new ColumnArrays("varchar", "int", "date", "varchar", "varchar", "varchar", "varchar", "varchar",
                    "varchar", "varchar", "varchar", "bigint");
            daySums.forEach((key, fen) -> sums.add(key.unit(), key.year(), key.effectiveDate().toString(), key.measure(),
                    key.fund(), key.subject(), key.kind(), key.economic(), key.project(), key.origin(), key.counterparty(), fen));
            // in the keys' order, as every writer does, so that concurrent deliveries lock day sums in one order
            jdbc.update("""
                    INSERT INTO %s.fact_daily (unit, year, effective_date, measure, fund, subject, kind, economic,
                        project, origin, counterparty, amount_fen)
                    SELECT unit, year, effective_date, measure, fund, subject, kind, economic, project, origin, counterparty,
                        amount_fen
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS day_sum (unit, year, effective_date,
                        measure, fund, subject, kind, economic, project, origin, counterparty, amount_fen, position)
                    ORDER BY position
                    ON CONFLICT (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin, counterparty)
                    DO UPDATE SET amount_fen = fact_daily.amount_fen + excluded.amount_fen""".formatted(schema), sums.arrays());
        }
    }

    private void insertLimits(ColumnArrays limits) {
        if (!limits.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.three_public_limit (sequence, unit, year, category, effective_date, recorded_at, amount_fen)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?)""".formatted(schema), limits.arrays());
        }
    }

    /**
     * The events not applied before: the primary key of applied_event turns a redelivered one into no row. A
     * registry event is recorded under its key (a unit's code, or {@code catalog:…}) with no year: it counts as
     * applied (freshness, {@code minSequence}) but is no unit-year's; a unit-year's disclosure data (SPEC §15) is
     * recorded as its unit-year's. Each with the hash it carried.
     */
    private Set<Long> recordApplied(List<Delivered> events, Map<Long, String> hashes) {
        ColumnArrays appliedEvents = new ColumnArrays("bigint", "varchar", "varchar", "varchar", "int", "timestamptz",
                "varchar");
        for (Delivered delivered : events) {
            RecordedEvent event = delivered.event();
            String unit = event instanceof LedgerEvent ledgerEvent ? ledgerEvent.unit()
                    : event instanceof UnitYearProfileSet profile ? profile.unit()
                    : event instanceof ReferenceTablesRecorded reference ? reference.unit() : event.key();
            Integer year = event instanceof LedgerEvent ledgerEvent ? Integer.valueOf(ledgerEvent.year())
                    : event instanceof UnitYearProfileSet profile ? Integer.valueOf(profile.year())
                    : event instanceof ReferenceTablesRecorded reference ? Integer.valueOf(reference.year()) : null;
            appliedEvents.add(delivered.envelope().sequence(), delivered.envelope().eventId(), delivered.envelope().type(),
                    unit, year, delivered.envelope().recordedAt().toString(), hashes.get(delivered.envelope().sequence()));
        }
        return new HashSet<>(jdbc.queryForList("""
                INSERT INTO %s.applied_event (sequence, event_id, type, unit, year, recorded_at, hash)
                SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING
                RETURNING sequence""".formatted(schema), Long.class, appliedEvents.arrays()));
    }

    /** The events this replay has not applied before. */
    private Set<Long> replayedFirst(List<Delivered> events) {
        Set<Long> fresh = new HashSet<>();
        for (Delivered delivered : events) {
            long sequence = delivered.envelope().sequence();
            if (!replayed.contains(sequence)) {
                replayed.addLong(sequence);
                fresh.add(sequence);
            }
        }
        return fresh;
    }

    private static FactCheckpoints.Arrived together(FactCheckpoints.Arrived one, FactCheckpoints.Arrived other) {
        return new FactCheckpoints.Arrived(one.unit(), one.year(), one.facts() + other.facts(),
                one.earliest().isBefore(other.earliest()) ? one.earliest() : other.earliest(),
                one.latest().isAfter(other.latest()) ? one.latest() : other.latest());
    }
}
