package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's digests and proofs checked by an independent implementation: docs/verify-history.py (Python, its own
 * Ed25519 and RFC 9162 verification), run on the service's answers for random tree sizes, powers of two and not; and
 * each kind of wrong answer named by it, with exit status 1.
 */
class OfflineVerifierTest extends LedgerIntegrationTest {

    @TempDir
    Path files;
    private final Random random = new Random(22);
    private Path keys;

    @BeforeEach
    void aHistoryAndTheKeys() {
        VerifierScript.requirePython();
        String unit = newUnit("V");
        api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 12; n++) {
            api().post("/api/v1/transactions", Tx.pay("p" + n, unit, 2023, "a1", "30201", "2.00"));
        }
        keys = VerifierScript.write(files, "keys.json", api().get("/api/v1/audit/keys").body().toString());
    }

    @Test
    void the_script_s_own_ed25519_and_merkle_hashing_pass_the_reference_vectors() {
        VerifierScript.Run run = VerifierScript.run("selftest");

        assertThat(run.status()).as(run.output()).isZero();
    }

    @Test
    void digests_and_inclusion_proofs_of_random_sizes_hold_offline() {
        List<JsonNode> events = Outsider.history(api()).events();
        for (int size : sizes(events.size())) {
            Path digest = digest(size);
            assertThat(VerifierScript.run("digest", digest.toString(), "--public-key", keys.toString()).status()).isZero();
            for (int leaf : new int[]{0, size - 1, random.nextInt(size)}) {
                Path proof = VerifierScript.write(files, "inclusion.json", api().get("/api/v1/audit/proofs/inclusion?eventId="
                        + events.get(leaf).path("eventId").asText() + "&treeSize=" + size).body().toString());

                VerifierScript.Run run = VerifierScript.run("inclusion", proof.toString(), "--digest", digest.toString(),
                        "--public-key", keys.toString());

                assertThat(run.status()).as("leaf %d of %d: %s", leaf, size, run.output()).isZero();
            }
        }
    }

    @Test
    void consistency_proofs_between_random_sizes_hold_offline() {
        int treeSize = api().get("/api/v1/audit/digest").body().path("treeSize").asInt();
        for (int to : sizes(treeSize)) {
            int from = random.nextInt(to + 1);
            Path proof = VerifierScript.write(files, "consistency.json",
                    api().get("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + to).body().toString());

            VerifierScript.Run run = VerifierScript.run("consistency", proof.toString(), "--old", digest(from).toString(),
                    "--new", digest(to).toString(), "--public-key", keys.toString());

            assertThat(run.status()).as("%d to %d: %s", from, to, run.output()).isZero();
        }
    }

    @Test
    void each_wrong_answer_is_named() {
        int treeSize = api().get("/api/v1/audit/digest").body().path("treeSize").asInt();
        JsonNode event = Outsider.history(api()).events().get(treeSize - 3);
        Path digest = digest(treeSize);
        ObjectNode proof = (ObjectNode) api().get("/api/v1/audit/proofs/inclusion?eventId=" + event.path("eventId").asText()).body();

        ObjectNode otherRoot = (ObjectNode) api().get("/api/v1/audit/digest").body().deepCopy();
        otherRoot.put("rootHash", "0".repeat(64));
        assertNamed("digest", List.of(write("forged.json", otherRoot).toString(), "--public-key", keys.toString()),
                "signature does not hold");
        ObjectNode unknownKey = (ObjectNode) api().get("/api/v1/audit/digest").body().deepCopy();
        unknownKey.put("keyId", "0123456789abcdef");
        assertNamed("digest", List.of(write("unknown.json", unknownKey).toString(), "--public-key", keys.toString()),
                "which the public keys given do not hold");

        ObjectNode bentPath = proof.deepCopy();
        ((ArrayNode) bentPath.path("auditPath")).set(0, bentPath.textNode("ab".repeat(32)));
        assertNamed("inclusion", List.of(write("bent.json", bentPath).toString(), "--digest", digest.toString(),
                "--public-key", keys.toString()), "does not lead to the digest's root");
        ObjectNode alteredEvent = proof.deepCopy();
        String stored = new String(java.util.Base64.getDecoder().decode(proof.path("stored").asText()), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"2.00\"", "\"0.02\"");
        alteredEvent.put("stored", java.util.Base64.getEncoder().encodeToString(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertNamed("inclusion", List.of(write("altered.json", alteredEvent).toString(), "--digest", digest.toString(),
                "--public-key", keys.toString()), "leafHash is not SHA-256(0x00 || stored)");
        alteredEvent.remove("leafHash");
        assertNamed("inclusion", List.of(write("altered.json", alteredEvent).toString(), "--digest", digest.toString(),
                "--public-key", keys.toString()), "does not lead to the digest's root");

        ObjectNode rewritten = (ObjectNode) api().get("/api/v1/audit/proofs/consistency?from=5&to=" + treeSize).body();
        ((ArrayNode) rewritten.path("consistencyPath")).set(0, rewritten.textNode("cd".repeat(32)));
        assertNamed("consistency", List.of(write("rewritten.json", rewritten).toString(), "--old", digest(5).toString(),
                "--new", digest.toString(), "--public-key", keys.toString()), "does not extend the tree of 5");
    }

    private void assertNamed(String command, List<String> arguments, String named) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(arguments);
        VerifierScript.Run run = VerifierScript.run(all.toArray(String[]::new));
        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(named);
    }

    private Path digest(int treeSize) {
        return VerifierScript.write(files, "digest-" + treeSize + ".json", api().get("/api/v1/audit/digest?treeSize=" + treeSize).body().toString());
    }

    private Path write(String name, JsonNode content) {
        return VerifierScript.write(files, name, content.toString());
    }

    /** Sizes 1 to 9, random ones, and the whole tree: powers of two and not. */
    private List<Integer> sizes(int treeSize) {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 7, 8, 9));
        for (int n = 0; n < 5; n++) {
            sizes.add(1 + random.nextInt(treeSize));
        }
        sizes.add(treeSize);
        return sizes.stream().filter(size -> size <= treeSize).toList();
    }
}
