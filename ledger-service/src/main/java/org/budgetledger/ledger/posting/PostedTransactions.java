package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.budgetledger.platform.jdbc.ColumnArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotency records of accepted transactions, one row per transaction: a transaction is known by its
 * unit and its id (SPEC §4 v2), the same id may be another unit's transaction.
 */
@Repository
class PostedTransactions {

    /** What identifies a transaction: its id within its unit. */
    record Key(String unit, String id) {
    }

    record Stored(String unit, String id, String type, String fingerprint, String lineId) {
        Key key() {
            return new Key(unit, id);
        }
    }

    /** A stored transaction as {@code GET /api/v1/transactions/{id}} shows it. */
    @Schema(name = "TransactionDetails")
    record Details(String id, String type, String unit, int year, String principal, Instant recordedAt,
                   @JsonRawValue String request, PostingResult result) {
    }

    private final JdbcClient jdbc;

    PostedTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * All at once, in one statement; fails with a DuplicateKeyException when any unit's id was taken (once the
     * transaction that took it commits).
     */
    void insertAll(List<PostingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ColumnArrays rows = new ColumnArrays("text", "text", "text", "int", "text", "text", "text", "text");
        records.forEach(record -> rows.add(record.id(), record.type(), record.unit(), record.year(), record.fingerprint(),
                record.canonicalRequest(), record.lineId(), record.principal()));
        jdbc.sql("""
                        INSERT INTO ledger.posted_transaction (id, type, unit, year, fingerprint, request, line_id, principal)
                        SELECT id, type, unit, year, fingerprint, request::jsonb, line_id, principal
                        FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS posted (id, type, unit, year, fingerprint, request, line_id, principal)""")
                .params(rows.arrays())
                .update();
    }

    Optional<Stored> find(String unit, String id) {
        return jdbc.sql("SELECT unit, id, type, fingerprint, line_id FROM ledger.posted_transaction WHERE id = ? AND unit = ?")
                .params(id, unit).query(Stored.class).optional();
    }

    /** The idempotency records of many transactions at once: those not found are absent. */
    Map<Key, Stored> findAll(Collection<Key> keys) {
        Set<Key> wanted = Set.copyOf(keys);
        Map<Key, Stored> found = new HashMap<>();
        // both columns of the key's index; what pairs an id of one key with the unit of another is left out here
        jdbc.sql("SELECT unit, id, type, fingerprint, line_id FROM ledger.posted_transaction WHERE id = ANY(?) AND unit = ANY(?)")
                .params(ids(wanted), units(wanted))
                .query(Stored.class).list().stream()
                .filter(stored -> wanted.contains(stored.key()))
                .forEach(stored -> found.put(stored.key(), stored));
        return found;
    }

    /**
     * Every unit's transaction with this id, oldest first, as stored. Its {@code recordedAt} is its events' (the
     * instant they were committed), not the record's own insertion time, which no event could confirm; the rest of
     * the record verification checks against the events ({@link PostedTransactionCheck}).
     */
    List<Details> details(String id) {
        // the record and what its events say of it, in one statement: no query per row while the rows are read
        return jdbc.sql("""
                        SELECT id, type, unit, year, principal, request::text AS request, line_id, events.recorded_at,
                            events.sequences
                        FROM ledger.posted_transaction p, LATERAL (
                            SELECT min(recorded_at) AS recorded_at, array_agg(globalIndex ORDER BY globalIndex) AS sequences
                            FROM ledger.domain_event_entry e WHERE e.transaction_id = p.id AND e.unit = p.unit) events
                        WHERE id = ? ORDER BY events.recorded_at, unit""")
                .param(id)
                .query((row, number) -> new Details(row.getString("id"), row.getString("type"), row.getString("unit"),
                        row.getInt("year"), row.getString("principal"), recordedAt(row.getTimestamp("recorded_at")),
                        row.getString("request"), PostingResult.accepted(row.getString("id"), row.getString("type"),
                        sequences(row.getArray("sequences")), row.getString("line_id"))))
                .list();
    }

    private static Instant recordedAt(java.sql.Timestamp eventsRecordedAt) {
        return eventsRecordedAt == null ? null : eventsRecordedAt.toInstant();
    }

    /** A transaction's sequences as {@code array_agg} gives them: null when it has no event. */
    private static List<Long> sequences(java.sql.Array aggregated) throws java.sql.SQLException {
        return aggregated == null ? List.of() : List.of((Long[]) aggregated.getArray());
    }

    /** The stored sequences of many transactions at once. */
    Map<Key, List<Long>> sequencesOf(Collection<Key> keys) {
        Set<Key> wanted = Set.copyOf(keys);
        Map<Key, List<Long>> sequences = new HashMap<>();
        // both columns of the store's index; what pairs an id of one key with the unit of another is left out here
        jdbc.sql("SELECT unit, transaction_id, globalIndex FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ANY(?) AND unit = ANY(?) ORDER BY globalIndex")
                .params(ids(wanted), units(wanted))
                .query(row -> {
                    Key key = new Key(row.getString(1), row.getString(2));
                    if (wanted.contains(key)) {
                        sequences.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getLong(3));
                    }
                });
        return sequences;
    }

    private static String[] ids(Set<Key> keys) {
        return keys.stream().map(Key::id).distinct().toArray(String[]::new);
    }

    private static String[] units(Set<Key> keys) {
        return keys.stream().map(Key::unit).distinct().toArray(String[]::new);
    }

    List<Long> sequencesOf(String unit, String id) {
        return jdbc.sql("SELECT globalIndex FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ? AND unit = ? ORDER BY globalIndex")
                .params(id, unit).query(Long.class).list();
    }
}
