package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16's signed digest, checked as an auditor would with the JDK alone: the tree's size is the number of stored
 * events, its root RFC 6962's MTH of their leaves, its recordedAt the newest event's, and its signature holds under the
 * public key GET /api/v1/audit/keys lists for its key id. A digest of an earlier size or instant is the one that was
 * answered then, byte for byte; the v1 fields (sequence, hash) stay what §9 said.
 */
class SignedDigestTest extends LedgerIntegrationTest {

    @Test
    void the_digest_is_the_signed_root_of_every_stored_event() {
        post("D");

        JsonNode digest = api().get("/api/v1/audit/digest").body();

        Outsider.History history = Outsider.history(api());
        List<byte[]> leaves = history.leaves();
        JsonNode newest = history.events().get(history.events().size() - 1);
        assertThat(digest.path("treeSize").asLong()).isEqualTo(leaves.size());
        assertThat(digest.path("rootHash").asText()).isEqualTo(Outsider.hex(Outsider.mth(leaves, 0, leaves.size())));
        assertThat(Instant.parse(digest.path("recordedAt").asText())).isEqualTo(Instant.parse(newest.path("recordedAt").asText()));
        assertThat(digest.path("recordedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(digest.path("sequence").asLong()).isEqualTo(newest.path("sequence").asLong());
        assertThat(digest.path("hash").asText()).isEqualTo(newest.path("hash").asText());
        JsonNode key = key(digest.path("keyId").asText());
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.path("current").asBoolean()).isTrue();
        assertThat(Outsider.signatureHolds(digest, key.path("publicKey").asText())).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) digest).put("treeSize", digest.path("treeSize").asLong() - 1);
        assertThat(Outsider.signatureHolds(digest, key.path("publicKey").asText())).isFalse();
    }

    @Test
    void a_digest_of_an_earlier_size_or_instant_is_the_one_answered_then() {
        post("E");
        JsonNode then = api().get("/api/v1/audit/digest").body();
        post("F");
        assertThat(api().get("/api/v1/audit/digest").body().path("treeSize").asLong()).isGreaterThan(then.path("treeSize").asLong());

        assertThat(api().get("/api/v1/audit/digest?treeSize=" + then.path("treeSize").asLong()).body()).isEqualTo(then);
        assertThat(api().get("/api/v1/audit/digest?knownAt=" + then.path("recordedAt").asText()).body()).isEqualTo(then);
        JsonNode empty = api().get("/api/v1/audit/digest?treeSize=0").body();
        assertThat(empty.path("rootHash").asText()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(empty.path("recordedAt").asText()).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(Outsider.signatureHolds(empty, key(empty.path("keyId").asText()).path("publicKey").asText())).isTrue();
        assertThat(api().get("/api/v1/audit/digest?knownAt=2000-01-01T00:00:00Z").body().path("treeSize").asLong()).isZero();
    }

    @Test
    void sizes_beyond_the_tree_and_unreadable_instants_are_refused_as_problems() {
        long size = api().get("/api/v1/audit/digest").body().path("treeSize").asLong();

        for (String query : List.of("treeSize=" + (size + 1000), "treeSize=-1", "treeSize=x", "knownAt=yesterday",
                "knownAt=2023-01-01T00:00:00Z&treeSize=1", "knownAt=+10000-01-01T00:00:00Z")) {
            Answer answer = api().get("/api/v1/audit/digest?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void auditors_read_the_digest_and_keys_and_clerks_do_not() {
        assertThat(HttpApi.as(port, "auditor-a").get("/api/v1/audit/digest").status()).isEqualTo(200);
        assertThat(HttpApi.as(port, "auditor-a").get("/api/v1/audit/keys").status()).isEqualTo(200);
        assertThat(HttpApi.as(port, "clerk-all").get("/api/v1/audit/digest").status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "viewer-all").get("/api/v1/audit/keys").status()).isEqualTo(403);
    }

    @Test
    void the_api_description_shows_a_digest_whose_signature_holds_under_its_own_example_key() {
        JsonNode paths = api().get("/v3/api-docs").body().path("paths");
        JsonNode digest = example(paths.path("/api/v1/audit/digest"));
        JsonNode key = example(paths.path("/api/v1/audit/keys")).path("keys").get(0);

        assertThat(key.path("keyId").asText()).isEqualTo(digest.path("keyId").asText());
        assertThat(Outsider.signatureHolds(digest, key.path("publicKey").asText())).isTrue();
        // never the ledger's own key: an example signed with it would be a signed claim about a tree that is not there
        assertThat(api().get("/api/v1/audit/keys").body().findValuesAsText("keyId")).doesNotContain(key.path("keyId").asText());
        assertThat(example(paths.path("/api/v1/audit/proofs/inclusion")).path("auditPath")).hasSize(2);
        assertThat(example(paths.path("/api/v1/audit/proofs/consistency")).path("consistencyPath")).hasSize(1);
    }

    private static JsonNode example(JsonNode path) {
        return path.path("get").path("responses").path("200").path("content").path("application/json").path("examples")
                .elements().next().path("value");
    }

    private JsonNode key(String keyId) {
        for (JsonNode key : api().get("/api/v1/audit/keys").body().path("keys")) {
            if (key.path("keyId").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("no key " + keyId);
    }

    private void post(String prefix) {
        String unit = newUnit(prefix);
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "100.00")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/transactions", Tx.pay("p1", unit, 2023, "a1", "30201", "1.00")).status()).isEqualTo(201);
    }
}
