package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.budgetledger.web.jdbc.ColumnArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The idempotency records of accepted transactions, one row per transaction id. */
@Repository
class PostedTransactions {

    record Stored(String id, String type, String fingerprint, String lineId) {
    }

    /** A stored transaction as {@code GET /api/v1/transactions/{id}} shows it. */
    record Details(String id, String type, String unit, int year, String principal, Instant recordedAt,
                   @JsonRawValue String request, PostingResult result) {
    }

    private final JdbcClient jdbc;

    PostedTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a DuplicateKeyException when the id was taken, after the transaction holding it commits. */
    void insert(PostingRecord record) {
        insertAll(List.of(record));
    }

    /** All at once, in one statement; fails with a DuplicateKeyException when any id was taken. */
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

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT id, type, fingerprint, line_id FROM ledger.posted_transaction WHERE id = ?")
                .param(id).query(Stored.class).optional();
    }

    /** The idempotency records of many ids at once, by id: the ids not found are absent. */
    Map<String, Stored> findAll(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        jdbc.sql("SELECT id, type, fingerprint, line_id FROM ledger.posted_transaction WHERE id = ANY(?)")
                .param(ids.toArray(String[]::new))
                .query(Stored.class).list().forEach(stored -> found.put(stored.id(), stored));
        return found;
    }

    /**
     * The transaction as stored. Its {@code recordedAt} is its events' (the instant they were committed), not the
     * record's own insertion time, which no event could confirm; the rest of the record verification checks
     * against the events ({@link PostedTransactionCheck}).
     */
    Optional<Details> details(String id) {
        return jdbc.sql("""
                        SELECT id, type, unit, year, principal, request::text AS request, line_id,
                            (SELECT min(recorded_at) FROM ledger.domain_event_entry WHERE transaction_id = p.id) AS recorded_at
                        FROM ledger.posted_transaction p WHERE id = ?""")
                .param(id)
                .query((row, number) -> new Details(row.getString("id"), row.getString("type"), row.getString("unit"),
                        row.getInt("year"), row.getString("principal"), recordedAt(row.getTimestamp("recorded_at")),
                        row.getString("request"), PostingResult.accepted(row.getString("id"), row.getString("type"),
                        sequencesOf(id), row.getString("line_id"))))
                .optional();
    }

    private static Instant recordedAt(java.sql.Timestamp eventsRecordedAt) {
        return eventsRecordedAt == null ? null : eventsRecordedAt.toInstant();
    }

    /** The stored sequences of many transactions at once, by transaction id. */
    Map<String, List<Long>> sequencesOf(Collection<String> ids) {
        Map<String, List<Long>> sequences = new HashMap<>();
        jdbc.sql("SELECT transaction_id, globalIndex FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ANY(?) ORDER BY globalIndex")
                .param(ids.toArray(String[]::new))
                .query(row -> {
                    sequences.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getLong(2));
                });
        return sequences;
    }

    List<Long> sequencesOf(String id) {
        return jdbc.sql("SELECT globalIndex FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ? ORDER BY globalIndex")
                .param(id).query(Long.class).list();
    }
}
