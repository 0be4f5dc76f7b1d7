package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16's proofs are RFC 6962's, computed here by the RFC's own recursion over the leaves an outsider derives from
 * the audit history: for random tree sizes, powers of two and not, and random events in them. An inclusion proof names
 * an event, so it is unit-scoped as the history is; what a client asks wrongly is a problem, never a 5xx.
 */
class ProofsTest extends LedgerIntegrationTest {

    private static boolean posted;
    private final Random random = new Random(16);

    @BeforeEach
    void aHistoryOfSomeLength() {
        if (posted) {
            return;
        }
        posted = true;
        String unit = newUnit("P");
        api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 20; n++) {
            api().post("/api/v1/transactions", Tx.pay("p" + n, unit, 2023, "a1", "30201", "1.00"));
        }
    }

    @Test
    void inclusion_proofs_are_rfc_6962_paths_of_the_stored_bytes() {
        Outsider.History history = Outsider.history(api());
        List<byte[]> leaves = history.leaves();
        for (int size : sizes(leaves.size())) {
            for (int n = 0; n < 3; n++) {
                int leaf = n == 0 ? size - 1 : random.nextInt(size);
                JsonNode event = history.events().get(leaf);
                Answer answer = api().get("/api/v1/audit/proofs/inclusion?eventId=" + event.path("eventId").asText() + "&treeSize=" + size);
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                JsonNode proof = answer.body();
                assertThat(proof.path("leafIndex").asLong()).isEqualTo(leaf);
                assertThat(proof.path("treeSize").asLong()).isEqualTo(size);
                assertThat(Base64.getDecoder().decode(proof.path("stored").asText())).isEqualTo(Outsider.canonical(event));
                assertThat(proof.path("leafHash").asText()).isEqualTo(Outsider.hex(leaves.get(leaf)));
                assertThat(texts(proof.path("auditPath"))).as("path of %d in %d", leaf, size)
                        .isEqualTo(Outsider.hex(Outsider.path(leaves, leaf, 0, size)));
            }
        }
    }

    @Test
    void consistency_proofs_are_rfc_6962_proofs() {
        List<byte[]> leaves = Outsider.history(api()).leaves();
        for (int to : sizes(leaves.size())) {
            for (int from : new int[]{0, 1, to, random.nextInt(to) + 1, Integer.highestOneBit(to)}) {
                Answer answer = api().get("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + to);
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                assertThat(answer.body().path("from").asLong()).isEqualTo(from);
                assertThat(answer.body().path("to").asLong()).isEqualTo(to);
                assertThat(texts(answer.body().path("consistencyPath"))).as("%d to %d", from, to)
                        .isEqualTo(Outsider.hex(Outsider.proof(leaves, from, to)));
            }
        }
        JsonNode whole = api().get("/api/v1/audit/proofs/consistency?from=3").body();
        assertThat(whole.path("to").asLong()).isEqualTo(leaves.size());
    }

    @Test
    void an_inclusion_proof_answers_only_who_reads_the_event_s_unit() {
        api().post("/api/v1/units", Map.of("code", TestUsers.UNIT_A, "name", "审计单位"));
        api().post("/api/v1/transactions", Tx.appropriate("proof-" + System.nanoTime(), TestUsers.UNIT_A, 2023, "GENERAL_BUDGET", "1.00"));
        List<JsonNode> events = Outsider.history(api()).events();
        String own = events.stream().filter(event -> TestUsers.UNIT_A.equals(event.path("unit").asText())).reduce((a, b) -> b)
                .orElseThrow().path("eventId").asText();
        String other = events.stream().filter(event -> event.path("unit").asText().startsWith("P")).findFirst()
                .orElseThrow().path("eventId").asText();
        HttpApi auditor = HttpApi.as(port, "auditor-a");

        assertThat(auditor.get("/api/v1/audit/proofs/inclusion?eventId=" + own).status()).isEqualTo(200);
        Answer elsewhere = auditor.get("/api/v1/audit/proofs/inclusion?eventId=" + other);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().toString()).isEqualTo(auditor.get("/api/v1/audit/proofs/inclusion?eventId=no-such-event").body()
                .toString().replace("no-such-event", other));
        assertThat(auditor.get("/api/v1/audit/proofs/consistency?from=1").status()).isEqualTo(200);
        assertThat(HttpApi.as(port, "clerk-all").get("/api/v1/audit/proofs/inclusion?eventId=" + own).status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "viewer-a").get("/api/v1/audit/proofs/consistency?from=1").status()).isEqualTo(403);
    }

    @Test
    void wrong_sizes_and_missing_events_are_problems() {
        List<JsonNode> events = Outsider.history(api()).events();
        int size = events.size();
        String newest = events.get(size - 1).path("eventId").asText();
        String first = events.get(0).path("eventId").asText();
        Map<String, Integer> asked = Map.of(
                "inclusion?eventId=" + first + "&treeSize=" + (size + 1000), 400,
                "inclusion?eventId=" + newest + "&treeSize=" + (size - 1), 400,
                "inclusion?eventId=" + first + "&treeSize=-1", 400,
                "inclusion?eventId=" + first + "&treeSize=many", 400,
                "inclusion?treeSize=3", 400,
                "inclusion?eventId=gone", 404,
                "consistency?from=5&to=4", 400,
                "consistency?from=1&to=" + (size + 1000), 400,
                "consistency?from=-1", 400,
                "consistency?to=3", 400);
        asked.forEach((query, status) -> {
            Answer answer = api().get("/api/v1/audit/proofs/" + query);
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.code()).as(query).isEqualTo(status == 404 ? "NOT_FOUND" : "VALIDATION_FAILED");
        });
    }

    /** Every size up to 17, then random ones up to the tree's, and the tree's own. */
    private List<Integer> sizes(int treeSize) {
        List<Integer> sizes = new ArrayList<>();
        for (int size = 1; size <= Math.min(17, treeSize); size++) {
            sizes.add(size);
        }
        for (int n = 0; n < 8; n++) {
            sizes.add(1 + random.nextInt(treeSize));
        }
        sizes.add(treeSize);
        return sizes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
