package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.OwnDatabase;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #22's tampering from inside the database, by a test with a direct JDBC connection as the superuser and every key
 * the ledger holds ({@link Insider}): an event edited, deleted, moved, inserted, or the newest ones cut off — each time
 * with the chain, the seals, the sequences and the Merkle tree made whole again, so that nothing inside the system
 * disagrees, and the ledger signs the rewritten tree with its own key. Against the digest an auditor kept before, the
 * consistency proof fails in every case (checked here by RFC 9162's algorithm and by docs/verify-history.py), and
 * {@code verify} with that digest names the first offending event: the store's tree no longer has the digest's root, and
 * the event topic, outside the database, shows which event is not what was published.
 *
 * <p>On a database and topic of its own, created afresh for the run (other tampering tests re-hand sequences on theirs,
 * which their topic then no longer matches); each test puts the store back as it found it.
 */
@RealInfrastructure
@SpringBootTest(classes = LedgerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsiderTamperingTest {

    private static final String DATABASE = "insider";
    private static final OwnDatabase OWN = new OwnDatabase(DATABASE);

    @LocalServerPort
    int port;
    private final JdbcClient superuser = JdbcClient.create(OWN.superuser());
    private final Insider insider = new Insider(superuser);
    private HttpApi api;
    private JsonNode kept;
    private List<Long> sequences;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
        registry.add("spring.datasource.url", OWN::url);
        registry.add("budgetledger.events.topic", () -> "budget-ledger.events.insider");
    }

    @BeforeEach
    void aHistoryAnAuditorsDigestAndMore() {
        api = new HttpApi(port);
        String unit = "I" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/units", Map.of("code", unit, "name", "内部人测试")).status()).isEqualTo(201);
        post(Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 6; n++) {
            post(Tx.pay("p" + n, unit, 2023, "a1", "30201", "1" + n + ".00"));
        }
        kept = api.get("/api/v1/audit/digest").body();
        for (int n = 6; n < 9; n++) {
            post(Tx.pay("p" + n, unit, 2023, "a1", "30201", "1" + n + ".00"));
        }
        sequences = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(Long.class).list();
        long newest = sequences.get(sequences.size() - 1);
        // the topic, the witness outside the database, has every event before anything is touched
        await().atMost(Duration.ofSeconds(30)).until(() -> superuser.sql("SELECT coalesce(max(last_sequence), 0) FROM "
                + "ledger.publication_position").query(Long.class).single() >= newest);
        superuser.sql("DROP TABLE IF EXISTS kept_events, kept_tree, kept_sequence").update();
        superuser.sql("CREATE TABLE kept_events AS SELECT * FROM ledger.domain_event_entry").update();
        superuser.sql("CREATE TABLE kept_tree AS SELECT * FROM ledger.merkle_leaf").update();
        superuser.sql("CREATE TABLE kept_sequence AS SELECT last_sequence FROM ledger.event_sequence").update();
        assertThat(verify(kept).path("ok").asBoolean()).as(verify(kept).toString()).isTrue();
    }

    @AfterEach
    void restore() {
        superuser.sql("DELETE FROM ledger.domain_event_entry").update();
        superuser.sql("DELETE FROM ledger.posted_transaction WHERE id = 'forged'").update();
        superuser.sql("INSERT INTO ledger.domain_event_entry SELECT * FROM kept_events").update();
        superuser.sql("DELETE FROM ledger.merkle_leaf").update();
        superuser.sql("INSERT INTO ledger.merkle_leaf SELECT * FROM kept_tree").update();
        superuser.sql("UPDATE ledger.event_sequence SET last_sequence = (SELECT last_sequence FROM kept_sequence)").update();
        superuser.sql("DROP TABLE kept_events, kept_tree, kept_sequence").update();
        assertThat(verify(null).path("ok").asBoolean()).as(verify(null).toString()).isTrue();
    }

    @Test
    void an_edited_event_made_whole_again_is_named() {
        long edited = sequences.get(3);
        superuser.sql("UPDATE ledger.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"12.00\"', '\"1.20\"'), 'UTF8') WHERE globalIndex = ?").param(edited).update();
        insider.rewriteChainFrom(edited);
        insider.rebuildTree();

        assertTheKeptDigestExposes(edited, "is not the event published at its sequence");
    }

    @Test
    void a_deleted_event_made_whole_again_is_named() {
        long deleted = sequences.get(2);
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex = ?").param(deleted).update();
        insider.shiftAfter(deleted, -1);
        insider.rewriteChainFrom(deleted);
        insider.rebuildTree();

        assertTheKeptDigestExposes(deleted, "is not the event published at its sequence");
    }

    @Test
    void two_events_swapped_and_made_whole_again_are_named() {
        long first = sequences.get(2);
        long second = sequences.get(4);
        superuser.sql("UPDATE ledger.domain_event_entry SET globalIndex = -1 WHERE globalIndex = ?").param(first).update();
        superuser.sql("UPDATE ledger.domain_event_entry SET globalIndex = ? WHERE globalIndex = ?").params(first, second).update();
        superuser.sql("UPDATE ledger.domain_event_entry SET globalIndex = ? WHERE globalIndex = -1").param(second).update();
        insider.rewriteChainFrom(first);
        insider.rebuildTree();

        assertTheKeptDigestExposes(first, "is not the event published at its sequence");
    }

    /**
     * Last: the store it leaves has one event more, which the publisher puts on the topic at a sequence that, once the
     * store is put back, the next posting takes for another event; a test after it would find that difference first.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void an_inserted_event_made_whole_again_is_named() {
        long at = sequences.get(3);
        Map<String, Object> template = superuser.sql("SELECT aggregateIdentifier, unit, payload, metaData FROM ledger.domain_event_entry "
                + "WHERE globalIndex = ?").param(at).query().singleRow();
        superuser.sql("INSERT INTO ledger.posted_transaction (id, type, unit, year, fingerprint, request, principal) "
                + "VALUES ('forged', 'PAY', ?, 2023, repeat('0', 64), '{}', 'intruder')").param(template.get("unit")).update();
        insider.shiftAfter(at - 1, 1);
        String payload = new String((byte[]) template.get("payload"), StandardCharsets.UTF_8).replaceFirst("\"transactionId\":\"[^\"]*\"",
                "\"transactionId\":\"forged\"");
        superuser.sql("INSERT INTO ledger.domain_event_entry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                        + "timeStamp, payloadType, payload, metaData, transaction_id, unit, recorded_at) VALUES (?, 'forged-event', ?, 999, "
                        + "'BudgetYear', '2023-06-10T00:00:00Z', 'org.budgetledger.contracts.events.PaymentMade', ?, ?, 'forged', ?, "
                        + "(SELECT recorded_at FROM ledger.domain_event_entry WHERE globalIndex = ?))")
                .params(at, template.get("aggregateidentifier"), payload.getBytes(StandardCharsets.UTF_8), template.get("metadata"),
                        template.get("unit"), at - 1).update();
        insider.rewriteChainFrom(at);
        insider.rebuildTree();

        assertTheKeptDigestExposes(at, "is not the event published at its sequence");
    }

    @Test
    void the_newest_events_cut_off_and_made_whole_again_are_named() {
        long from = sequences.get(5);
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(from).update();
        superuser.sql("UPDATE ledger.event_sequence SET last_sequence = ?").param(from - 1).update();
        insider.rebuildTree();

        assertWholeInside();
        // the ledger cannot prove that its tree extends the kept one: it is smaller
        Answer proof = api.get("/api/v1/audit/proofs/consistency?from=" + kept.path("treeSize").asLong());
        assertThat(proof.status()).isEqualTo(400);
        JsonNode result = verify(kept);
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("firstOffending").path("sequence").asLong()).isEqualTo(kept.path("sequence").asLong());
        assertThat(result.path("firstOffending").path("problem").asText()).contains("gone")
                .contains("from the one after sequence " + (from - 1) + " on");
    }

    @Test
    void a_rewrite_that_leaves_the_append_only_tree_alone_is_named_by_its_leaf() {
        long edited = sequences.get(3);
        superuser.sql("UPDATE ledger.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"12.00\"', '\"1.20\"'), 'UTF8') WHERE globalIndex = ?").param(edited).update();
        insider.rewriteChainFrom(edited);

        // the tree still holds the leaves as appended: it extends the kept digest, and the event is not its leaf
        JsonNode result = verify(null);
        assertThat(result.path("firstOffending").path("sequence").asLong()).as(result.toString()).isEqualTo(edited);
        assertThat(result.path("firstOffending").path("problem").asText()).contains("is not the event of its leaf");
        String eventId = result.path("firstOffending").path("eventId").asText();
        JsonNode inclusion = api.get("/api/v1/audit/proofs/inclusion?eventId=" + eventId + "&treeSize=" + kept.path("treeSize")).body();
        assertThat(MerkleHash.inclusionHolds(inclusion.path("leafIndex").asLong(), inclusion.path("treeSize").asLong(),
                MerkleHash.unhex(inclusion.path("leafHash").asText()), hashes(inclusion.path("auditPath")),
                MerkleHash.unhex(kept.path("rootHash").asText()))).isFalse();
    }

    /** The consistency proof from the kept digest fails, offline too, and verify with it names {@code sequence}. */
    private void assertTheKeptDigestExposes(long sequence, String problem) {
        // the chain, the seals and the tree agree again, and the ledger signs the rewritten tree with its own key
        assertWholeInside();
        JsonNode now = api.get("/api/v1/audit/digest").body();
        JsonNode key = api.get("/api/v1/audit/keys").body().path("keys").get(0);
        assertThat(Outsider.signatureHolds(now, key.path("publicKey").asText())).isTrue();

        long from = kept.path("treeSize").asLong();
        JsonNode proof = api.get("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + now.path("treeSize").asLong()).body();
        assertThat(MerkleHash.consistencyHolds(from, now.path("treeSize").asLong(), MerkleHash.unhex(kept.path("rootHash").asText()),
                MerkleHash.unhex(now.path("rootHash").asText()), hashes(proof.path("consistencyPath")))).isFalse();
        assertThat(api.get("/api/v1/audit/digest?treeSize=" + from).body().path("rootHash").asText())
                .isNotEqualTo(kept.path("rootHash").asText());
        offline(proof, now);

        JsonNode result = verify(kept);
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("firstOffending").path("sequence").asLong()).as(result.toString()).isEqualTo(sequence);
        assertThat(result.path("firstOffending").path("problem").asText()).contains(problem).contains("rewritten since the digest");
    }

    /** docs/verify-history.py says the same, when python3 is there. */
    private void offline(JsonNode proof, JsonNode now) {
        boolean python;
        try {
            python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (Exception absent) {
            python = false;
        }
        if (!python) {
            return;
        }
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("insider");
            VerifierScript.Run run = VerifierScript.run("consistency", VerifierScript.write(directory, "proof.json", proof.toString()).toString(),
                    "--old", VerifierScript.write(directory, "old.json", kept.toString()).toString(),
                    "--new", VerifierScript.write(directory, "new.json", now.toString()).toString(),
                    "--public-key", VerifierScript.write(directory, "keys.json", api.get("/api/v1/audit/keys").body().toString()).toString());
            assertThat(run.status()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("does not extend the tree of " + kept.path("treeSize").asLong());
        } catch (java.io.IOException failed) {
            throw new AssertionError(failed);
        }
    }

    /**
     * Verification without a digest finds nothing wrong with the events: at most a table beside them (a line's balance,
     * a transaction's record), which the insider could make agree as well.
     */
    private void assertWholeInside() {
        JsonNode result = verify(null);
        assertThat(result.path("ok").asBoolean() || result.path("firstOffending").hasNonNull("table")).as(result.toString()).isTrue();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(MerkleHash.unhex(hash.asText())));
        return hashes;
    }

    private JsonNode verify(JsonNode digest) {
        Answer answer = api.postRaw("/api/v1/audit/verify", digest == null ? "" : digest.toString());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private void post(Map<String, Object> transaction) {
        assertThat(api.post("/api/v1/transactions", transaction).status()).isEqualTo(201);
    }

    /** This run's own database, created empty the first time it is asked for, with the shared one's roles. */

}
