package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16's archive of a unit-year: it holds exactly the budget year's events as the history shows them, and
 * docs/verify-history.py passes it with the ledger's public keys; every way of tampering with it — an event changed,
 * removed or added, the digest or the manifest rewritten, a foreign key — is named and fails it.
 */
class ArchiveTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;
    private String unit;
    private Path keys;

    @BeforeEach
    void aBudgetYear() {
        unit = newUnit("Z");
        api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "5000.00"));
        for (int n = 0; n < 6; n++) {
            api().post("/api/v1/transactions", Tx.pay("p" + n, unit, 2023, "a1", "30201", "3" + n + ".00"));
        }
        api().post("/api/v1/transactions", Tx.of("REFUND", "r1", unit, 2023, "2023-07-01", "payment", "p1", "amount", "1.00"));
        keys = VerifierScript.write(files, "keys.json", api().get("/api/v1/audit/keys").body().toString());
    }

    @Test
    void the_archive_holds_the_budget_year_as_stored_and_verifies_offline() throws IOException {
        VerifierScript.requirePython();
        Map<String, byte[]> archive = unzip(download(TestUsers.ADMIN, unit, 2023).body());

        List<JsonNode> events = lines(archive.get("events.jsonl"));
        List<JsonNode> history = new ArrayList<>();
        api().get("/api/v1/audit/events?unit=" + unit + "&year=2023&limit=1000").body().path("events").forEach(history::add);
        assertThat(events).extracting(event -> event.path("eventId").asText())
                .containsExactlyElementsOf(history.stream().map(event -> event.path("eventId").asText()).toList());
        for (int n = 0; n < events.size(); n++) {
            assertThat(Base64.getDecoder().decode(events.get(n).path("stored").asText())).isEqualTo(Outsider.canonical(history.get(n)));
        }
        assertThat(archive).containsKeys("manifest.json", "digest.json", "keys.json", "README.md", "verify-history.py",
                "schemas/PaymentMade.schema.json", "schemas/PaymentRefunded.schema.json", "schemas/BudgetAppropriated.schema.json");
        assertThat(JSON.readTree(archive.get("manifest.json")).path("eventCount").asInt()).isEqualTo(8);

        VerifierScript.Run run = VerifierScript.run("archive", write("archive.zip", archive).toString(), "--public-key", keys.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("8 events of " + unit + ":2023");
    }

    @Test
    void every_kind_of_tampering_with_an_archive_is_named() throws Exception {
        VerifierScript.requirePython();
        Map<String, byte[]> archive = unzip(download(TestUsers.ADMIN, unit, 2023).body());

        assertNamed(archive, "events.jsonl", lines -> edit(lines, 3, event -> event.put("stored", Base64.getEncoder().encodeToString(
                new String(Base64.getDecoder().decode(event.path("stored").asText()), StandardCharsets.UTF_8)
                        .replace("\"32.00\"", "\"3.20\"").getBytes(StandardCharsets.UTF_8)))),
                "SHA-256 of its stored bytes is not its hash", "does not lead to the digest's root", "its SHA-256 differs");
        assertNamed(archive, "events.jsonl", lines -> remove(lines, 2), "events 2 to 2 of the budget year are missing",
                "its manifest says 8");
        assertNamed(archive, "events.jsonl", lines -> remove(lines, 7), "its manifest says 8", "its SHA-256 differs");
        assertNamed(archive, "digest.json", digest -> json(((ObjectNode) read(digest)).put("rootHash", "0".repeat(64))),
                "the archive's digest's signature does not hold");
        assertNamed(archive, "manifest.json", manifest -> json(((ObjectNode) read(manifest)).put("eventCount", 7)),
                "the manifest's signature does not hold");
        Path alien = VerifierScript.write(files, "alien.pub", Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded(), 12, 44)));
        VerifierScript.Run foreign = VerifierScript.run("archive", write("whole.zip", archive).toString(), "--public-key", alien.toString());
        assertThat(foreign.status()).isEqualTo(1);
        assertThat(foreign.output()).contains("which the public keys given do not hold");
    }

    @Test
    void the_archive_answers_auditors_of_the_unit_and_refuses_the_rest_as_problems() throws IOException {
        assertThat(download("auditor-all", unit, 2023).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> elsewhere = download("auditor-a", unit, 2023);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(elsewhere.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(download("clerk-all", unit, 2023).statusCode()).isEqualTo(403);
        assertThat(download("auditor-all", unit, 2024).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> badYear = download("auditor-all", unit, 1999);
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badYear.body()).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(new HttpApi(port).get("/api/v1/audit/archive?unit=" + unit).status()).isEqualTo(400);
    }

    private void assertNamed(Map<String, byte[]> archive, String entry, UnaryOperator<byte[]> change, String... named) throws IOException {
        Map<String, byte[]> tampered = new LinkedHashMap<>(archive);
        tampered.put(entry, change.apply(archive.get(entry)));

        VerifierScript.Run run = VerifierScript.run("archive", write("tampered.zip", tampered).toString(), "--public-key", keys.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(named);
    }

    private HttpResponse<byte[]> download(String user, String unit, int year) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/audit/archive?unit=" + unit + "&year=" + year))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return Files.write(files.resolve(name), bytes.toByteArray());
    }

    private static List<JsonNode> lines(byte[] jsonl) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(read(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }

    private static byte[] edit(byte[] jsonl, int index, UnaryOperator<ObjectNode> change) {
        List<JsonNode> lines = lines(jsonl);
        lines.set(index, change.apply((ObjectNode) lines.get(index)));
        return jsonl(lines);
    }

    private static byte[] remove(byte[] jsonl, int index) {
        List<JsonNode> lines = lines(jsonl);
        lines.remove(index);
        return jsonl(lines);
    }

    private static byte[] jsonl(List<JsonNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static byte[] json(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
