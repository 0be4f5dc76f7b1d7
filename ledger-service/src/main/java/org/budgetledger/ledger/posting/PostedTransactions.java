package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The idempotency records of accepted transactions, one row per transaction id. */
@Repository
class PostedTransactions {

    record Stored(String id, String type, String fingerprint, String lineId) {
    }

    private final JdbcClient jdbc;

    PostedTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a DuplicateKeyException when the id was taken, after the transaction holding it commits. */
    void insert(PostingRecord record) {
        jdbc.sql("""
                        INSERT INTO ledger.posted_transaction (id, type, unit, year, fingerprint, request, line_id, principal)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(record.id(), record.type(), record.unit(), record.year(), record.fingerprint(),
                        record.canonicalRequest(), record.lineId(), record.principal())
                .update();
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT id, type, fingerprint, line_id FROM ledger.posted_transaction WHERE id = ?")
                .param(id).query(Stored.class).optional();
    }

    List<Long> sequencesOf(String id) {
        return jdbc.sql("SELECT globalIndex FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ? ORDER BY globalIndex")
                .param(id).query(Long.class).list();
    }
}
