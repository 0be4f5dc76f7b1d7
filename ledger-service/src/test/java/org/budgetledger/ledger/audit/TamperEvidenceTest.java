package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five ways of altering the stored history directly in the database, each caught by verification and
 * the offending event named. Each test puts the store back as it was afterwards. The tampering is done as the
 * database's superuser: the ledger's own role may not change or delete stored events (ApplicationRoleTest).
 */
class TamperEvidenceTest extends TamperingLedgerTest {


    private HttpApi api;
    private List<Long> sequences;

    @BeforeEach
    void postAHistoryAndKeepACopy() {
        api = api();
        String unit = newUnit("T");
        api.post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 4; n++) {
            api.post("/api/v1/transactions", Tx.pay("p" + n + unit, unit, 2023, "a1" + unit, "30201", "10.00"));
        }
        sequences = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(Long.class).list();
        superuser.sql("DROP TABLE IF EXISTS ledger_backup").update();
        superuser.sql("CREATE TABLE ledger_backup AS SELECT * FROM ledger.domain_event_entry WHERE globalIndex >= ?")
                .param(sequences.get(0)).update();
        superuser.sql("DROP TABLE IF EXISTS ledger_backup_tree").update();
        superuser.sql("CREATE TABLE ledger_backup_tree AS SELECT * FROM ledger.merkle_leaf").update();
        assertThat(verify(null).path("ok").asBoolean()).isTrue();
    }

    @AfterEach
    void restore() {
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(sequences.get(0)).update();
        superuser.sql("INSERT INTO ledger.domain_event_entry OVERRIDING SYSTEM VALUE SELECT * FROM ledger_backup").update();
        superuser.sql("DELETE FROM ledger.posted_transaction WHERE id = 'forged'").update();
        superuser.sql("DROP TABLE ledger_backup").update();
        superuser.sql("DELETE FROM ledger.merkle_leaf").update();
        superuser.sql("INSERT INTO ledger.merkle_leaf SELECT * FROM ledger_backup_tree").update();
        superuser.sql("DROP TABLE ledger_backup_tree").update();
        assertThat(verify(null).path("ok").asBoolean()).isTrue();
    }

    @Test
    void an_altered_payload_is_named() {
        long target = sequences.get(2);
        superuser.sql("UPDATE ledger.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"10.00\"', '\"1.00\"'), 'UTF8') WHERE globalIndex = ?").param(target).update();

        JsonNode result = verify(null);

        assertOffending(result, target, "altered");
    }

    @Test
    void an_event_deleted_in_the_middle_is_named_by_the_event_after_it() {
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex = ?").param(sequences.get(2)).update();

        assertOffending(verify(null), sequences.get(3), "does not link");
    }

    @Test
    void deleting_the_newest_events_is_caught_with_a_digest() {
        JsonNode digest = api.get("/api/v1/audit/digest").body();
        assertThat(digest.path("sequence").asLong()).isEqualTo(sequences.get(4));
        // an intruder who knows the schema also removes what the two payments left beside their events
        superuser.sql("DROP TABLE IF EXISTS ledger_backup_transactions").update();
        superuser.sql("CREATE TABLE ledger_backup_transactions AS SELECT * FROM ledger.posted_transaction WHERE id IN "
                + "(SELECT transaction_id FROM ledger.domain_event_entry WHERE globalIndex >= ?)").param(sequences.get(3)).update();
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(sequences.get(3)).update();
        superuser.sql("DELETE FROM ledger.posted_transaction WHERE id IN (SELECT id FROM ledger_backup_transactions)").update();
        superuser.sql("UPDATE ledger.budget_line SET paid_fen = paid_fen - 2000 WHERE id = (SELECT line_id FROM ledger.posted_transaction "
                + "WHERE id = (SELECT transaction_id FROM ledger_backup WHERE globalIndex = ?))").param(sequences.get(0)).update();
        superuser.sql("UPDATE ledger.event_sequence SET last_sequence = ?").param(sequences.get(2)).update();
        // and the leaves of the deleted events in the Merkle tree, with the subtrees above them (SPEC §16)
        superuser.sql("DELETE FROM ledger.merkle_leaf WHERE position >= (SELECT position FROM ledger.merkle_leaf WHERE sequence = ?)")
                .param(sequences.get(3)).update();
        try {
            assertThat(verify(null).path("ok").asBoolean()).isTrue();
            assertOffending(verify(digest.toString()), sequences.get(4), "gone");
        } finally {
            superuser.sql("INSERT INTO ledger.posted_transaction SELECT * FROM ledger_backup_transactions").update();
            superuser.sql("DROP TABLE ledger_backup_transactions").update();
            superuser.sql("UPDATE ledger.event_sequence SET last_sequence = ?").param(sequences.get(4)).update();
            superuser.sql("UPDATE ledger.budget_line SET paid_fen = paid_fen + 2000 WHERE id = (SELECT line_id FROM ledger.posted_transaction "
                    + "WHERE id = (SELECT transaction_id FROM ledger_backup WHERE globalIndex = ?))").param(sequences.get(0)).update();
        }
    }

    /** Audit paths are made of the stored subtrees: one rewritten would make proofs that do not hold. */
    @Test
    void a_rewritten_subtree_of_the_merkle_tree_is_named_by_the_event_whose_leaf_completes_it() {
        long completing = superuser.sql("SELECT sequence FROM ledger.merkle_leaf WHERE sequence >= ? AND length(completed) > 0 "
                + "ORDER BY position LIMIT 1").param(sequences.get(0)).query(Long.class).single();
        superuser.sql("UPDATE ledger.merkle_leaf SET completed = set_byte(completed, 0, get_byte(completed, 0) # 1) WHERE sequence = ?")
                .param(completing).update();

        assertOffending(verify(null), completing, "completes subtrees");
    }

    @Test
    void two_swapped_events_are_named() {
        long first = sequences.get(1);
        long second = sequences.get(3);
        // a plain table: each statement of the superuser's client may come on a connection of its own
        superuser.sql("CREATE TABLE swap AS SELECT * FROM ledger.domain_event_entry WHERE globalIndex IN (?, ?)")
                .params(first, second).update();
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex IN (?, ?)").params(first, second).update();
        superuser.sql("INSERT INTO ledger.domain_event_entry OVERRIDING SYSTEM VALUE SELECT CASE WHEN globalIndex = ? THEN ? ELSE ? END, "
                + "eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                + "metaData, transaction_id, recorded_at, previous_hash, hash, seal, unit FROM swap").params(first, second, first).update();
        superuser.sql("DROP TABLE swap").update();

        assertOffending(verify(null), first, "does not link");
    }

    @Test
    void a_forged_event_appended_with_a_correct_hash_is_named() {
        Map<String, Object> newest = superuser.sql("SELECT hash, aggregateIdentifier, sequenceNumber FROM ledger.domain_event_entry "
                + "ORDER BY globalIndex DESC LIMIT 1").query().singleRow();
        String payload = "{\"transactionId\":\"forged\",\"amount\":\"999999.00\"}";
        Instant recordedAt = Instant.parse("2023-12-31T00:00:00Z");
        String hash = EventHash.of((String) newest.get("hash"), "forged-event", (String) newest.get("aggregateidentifier"),
                (Long) newest.get("sequencenumber") + 1, "PaymentMade", recordedAt, "forged", payload.getBytes(StandardCharsets.UTF_8));
        String unit = ((String) newest.get("aggregateidentifier")).split(":")[0];
        superuser.sql("INSERT INTO ledger.posted_transaction (id, type, unit, year, fingerprint, request, principal) "
                + "VALUES ('forged', 'PAY', ?, 2023, repeat('0', 64), '{}', 'intruder')").param(unit).update();
        superuser.sql("INSERT INTO ledger.domain_event_entry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                        + "payloadType, payload, transaction_id, unit, recorded_at, previous_hash, hash, seal) "
                        + "VALUES ('forged-event', ?, ?, 'BudgetYear', '2023-12-31T00:00:00Z', "
                        + "'org.budgetledger.contracts.events.PaymentMade', ?, 'forged', ?, ?, ?, ?, repeat('f', 64))")
                .params(newest.get("aggregateidentifier"), (Long) newest.get("sequencenumber") + 1,
                        payload.getBytes(StandardCharsets.UTF_8), unit, java.sql.Timestamp.from(recordedAt), newest.get("hash"), hash)
                .update();
        long forged = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE eventIdentifier = 'forged-event'")
                .query(Long.class).single();
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex > ?").param(forged).update();
        sequences = new java.util.ArrayList<>(sequences);

        assertOffending(verify(null), forged, "forged");
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex = ?").param(forged).update();
        superuser.sql("UPDATE ledger.event_sequence SET last_sequence = ?").param(forged - 1).update();
    }

    @Test
    void an_empty_body_is_no_digest_and_raises_no_false_alarm() {
        Answer answer = api.postRaw("/api/v1/audit/verify", "{}");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void the_digest_of_the_empty_ledger_commits_to_nothing_that_could_be_gone() {
        JsonNode result = verify("{\"sequence\":0,\"hash\":\"" + EventHash.GENESIS + "\",\"events\":0}");

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }

    private JsonNode verify(String digest) {
        Answer answer = digest == null ? api.postRaw("/api/v1/audit/verify", "") : api.postRaw("/api/v1/audit/verify", digest);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static void assertOffending(JsonNode result, long sequence, String problem) {
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("firstOffending").path("sequence").asLong()).as(result.toString()).isEqualTo(sequence);
        assertThat(result.path("firstOffending").path("problem").asText()).contains(problem);
    }
}
