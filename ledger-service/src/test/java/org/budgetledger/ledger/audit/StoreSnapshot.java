package org.budgetledger.ledger.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A copy of what a test is about to tamper with straight in the database, as someone with write access to it
 * would: the events from one sequence on, the transactions and budget lines of one unit, the last sequence
 * handed out and the Merkle tree. {@link #restore()} puts them back as they were, so that the shared store verifies again for the
 * tests after (a sequence handed out meanwhile is handed out again).
 */
final class StoreSnapshot {

    private final JdbcClient database;
    private final long fromSequence;
    private final String unit;

    private StoreSnapshot(JdbcClient database, long fromSequence, String unit) {
        this.database = database;
        this.fromSequence = fromSequence;
        this.unit = unit;
    }

    /** @param database a connection allowed to change and delete stored events */
    static StoreSnapshot take(JdbcClient database, long fromSequence, String unit) {
        StoreSnapshot snapshot = new StoreSnapshot(database, fromSequence, unit);
        snapshot.drop();
        database.sql("CREATE TABLE snapshot_events AS SELECT * FROM ledger.domain_event_entry WHERE globalIndex >= ?")
                .param(fromSequence).update();
        database.sql("CREATE TABLE snapshot_transactions AS SELECT * FROM ledger.posted_transaction WHERE unit = ?")
                .param(unit).update();
        database.sql("CREATE TABLE snapshot_lines AS SELECT * FROM ledger.budget_line WHERE unit = ?").param(unit).update();
        database.sql("CREATE TABLE snapshot_sequence AS SELECT last_sequence FROM ledger.event_sequence").update();
        // the Merkle tree keeps a leaf of every event appended meanwhile, which the restore takes out again
        database.sql("CREATE TABLE snapshot_tree AS SELECT * FROM ledger.merkle_leaf").update();
        return snapshot;
    }

    void restore() {
        // the events refer to their transactions: out first, in last
        database.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(fromSequence).update();
        database.sql("DELETE FROM ledger.posted_transaction WHERE unit = ?").param(unit).update();
        database.sql("DELETE FROM ledger.budget_line WHERE unit = ?").param(unit).update();
        database.sql("INSERT INTO ledger.posted_transaction SELECT * FROM snapshot_transactions").update();
        database.sql("INSERT INTO ledger.domain_event_entry OVERRIDING SYSTEM VALUE SELECT * FROM snapshot_events").update();
        database.sql("INSERT INTO ledger.budget_line SELECT * FROM snapshot_lines").update();
        database.sql("UPDATE ledger.event_sequence SET last_sequence = (SELECT last_sequence FROM snapshot_sequence)").update();
        database.sql("DELETE FROM ledger.merkle_leaf").update();
        database.sql("INSERT INTO ledger.merkle_leaf SELECT * FROM snapshot_tree").update();
        drop();
    }

    private void drop() {
        database.sql("DROP TABLE IF EXISTS snapshot_events, snapshot_transactions, snapshot_lines, snapshot_sequence, snapshot_tree").update();
    }
}
