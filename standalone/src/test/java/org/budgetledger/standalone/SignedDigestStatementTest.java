package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #22 item 6, SPEC §15/§16: the publication (html, docx, json) and the tables (XLSX) state the ledger's signed
 * digest that covers their knownAt — the one an auditor obtained from the ledger, which verifies with the ledger's
 * public key — and a knownAt before the digest's events states the earlier digest that covers it.
 */
class SignedDigestStatementTest extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLICATION = "/api/v1/publications/430001/2023?scope=unit";
    private static final List<String> FIELDS = List.of("treeSize", "rootHash", "recordedAt", "signature", "keyId");

    @TempDir
    Path files;

    @Test
    void the_publication_and_the_tables_state_the_signed_digest_that_covers_them() throws Exception {
        HttpApi api = new HttpApi(port);
        // a digest of the ledger before the posting (signing one keeps and publishes it): what an earlier knownAt states
        JsonNode beforeDigest = fields(api.get("/api/v1/audit/digest").body());
        Instant beforeThePosting = Instant.now();
        WorkedExample.post(api);
        JsonNode digest = api.get("/api/v1/audit/digest").body();
        JsonNode expected = fields(digest);
        JsonNode keys = api.get("/api/v1/audit/keys").body();
        assertThat(verifies(expected, keys)).as("the digest the ledger answered verifies").isTrue();

        // the ledger publishes it; the projection states it once received
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get(PUBLICATION + "&format=json").body().path("ledgerDigest")).isEqualTo(expected));
        assertThat(api.get("/api/v1/reports/430001/2023/T01?scope=unit").body().path("ledgerDigest")).isEqualTo(expected);

        String html = new String(download(PUBLICATION), StandardCharsets.UTF_8);
        JsonNode fromHtml = normal(JSON.createObjectNode().put("treeSize", Long.parseLong(attribute(html, "data-tree-size")))
                .put("rootHash", attribute(html, "data-root-hash")).put("recordedAt", attribute(html, "data-recorded-at"))
                .put("signature", attribute(html, "data-signature")).put("keyId", attribute(html, "data-key-id")));
        assertThat(fromHtml).isEqualTo(expected);
        assertThat(html).contains("账本签名摘要：树大小 " + digest.path("treeSize").asLong() + "，根哈希 " + digest.path("rootHash").asText(),
                "signature（Ed25519 签名，base64）：" + digest.path("signature").asText());

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download(PUBLICATION + "&format=docx")))) {
            String header = document.getHeaderList().stream().map(page -> page.getText()).collect(Collectors.joining("\n"));
            assertThat(header).contains("账本签名摘要：树大小 " + digest.path("treeSize").asLong() + "，根哈希 "
                    + digest.path("rootHash").asText() + "，记录时点 " + digest.path("recordedAt").asText() + "，密钥 "
                    + digest.path("keyId").asText());
            String body = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(recovered(body)).isEqualTo(expected);
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("/api/v1/reports/430001/2023/T01?scope=unit&format=xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getFooter().getCenter()).contains("树大小 " + digest.path("treeSize").asLong(),
                    digest.path("rootHash").asText().substring(0, 16), digest.path("keyId").asText());
            assertThat(recovered(cells(sheet))).isEqualTo(expected);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("/api/v1/reports/430001/2023/workbook?scope=unit")))) {
            for (Sheet sheet : workbook) {
                assertThat(recovered(cells(sheet))).as(sheet.getSheetName()).isEqualTo(expected);
            }
        }
        verifiesWithTheScript(fromHtml, keys);

        // before the digest's events: the earlier digest that covers that knownAt, never this one
        JsonNode earlier = api.get(PUBLICATION + "&format=json&knownAt=" + beforeThePosting).body();
        assertThat(beforeDigest.path("treeSize").asLong()).isLessThan(digest.path("treeSize").asLong());
        assertThat(earlier.path("ledgerDigest")).isEqualTo(beforeDigest);
        assertThat(earlier.path("stamp").asText()).doesNotContain(digest.path("rootHash").asText())
                .contains("根哈希 " + beforeDigest.path("rootHash").asText());
        assertThat(verifies(beforeDigest, keys)).isTrue();
    }

    private static JsonNode fields(JsonNode digest) {
        ObjectNode fields = JSON.createObjectNode();
        fields.put("treeSize", digest.path("treeSize").asLong());
        for (String field : FIELDS.subList(1, FIELDS.size())) {
            fields.put(field, digest.path(field).asText());
        }
        return normal(fields);
    }

    /** The object as JSON text reads back: numbers as the answers' are (a small long reads as an int). */
    private static JsonNode normal(ObjectNode object) {
        try {
            return JSON.readTree(object.toString());
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** The digest as the colophon (or the rows below a table) prints it in full, one field a line. */
    private static JsonNode recovered(String text) {
        ObjectNode fields = JSON.createObjectNode();
        for (String line : text.split("\n")) {
            for (String field : FIELDS) {
                if (line.startsWith(field + "（")) {
                    String value = line.substring(line.indexOf('：') + 1).strip();
                    if (field.equals("treeSize")) {
                        fields.put(field, Long.parseLong(value));
                    } else {
                        fields.put(field, value);
                    }
                }
            }
        }
        ObjectNode ordered = JSON.createObjectNode();
        FIELDS.forEach(field -> ordered.set(field, fields.get(field)));
        return normal(ordered);
    }

    private static String cells(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                texts.add(cell.toString());
            }
        }
        return String.join("\n", texts);
    }

    private static String attribute(String html, String name) {
        int start = html.indexOf(name + "=\"");
        assertThat(start).as(name).isNotNegative();
        int from = start + name.length() + 2;
        return html.substring(from, html.indexOf('"', from));
    }

    /** Ed25519 over the SPEC §16 message, with the JDK, under the listed public key the digest names. */
    private static boolean verifies(JsonNode digest, JsonNode keys) throws GeneralSecurityException {
        byte[] message = ("budget-ledger/digest/v1\n" + digest.path("treeSize").asLong() + "\n" + digest.path("rootHash").asText() + "\n"
                + digest.path("recordedAt").asText()).getBytes(StandardCharsets.US_ASCII);
        for (JsonNode key : keys.path("keys")) {
            if (key.path("keyId").asText().equals(digest.path("keyId").asText())) {
                // SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): this prefix, then the 32 raw bytes
                byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(
                        Base64.getDecoder().decode(key.path("publicKey").asText())));
                PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(publicKey);
                signature.update(message);
                return signature.verify(Base64.getDecoder().decode(digest.path("signature").asText()));
            }
        }
        return false;
    }

    /** docs/verify-history.py, as an auditor runs it, on the digest read off the document (when python3 is there). */
    private void verifiesWithTheScript(JsonNode digest, JsonNode keys) throws IOException, InterruptedException {
        Path script = Path.of("..", "docs", "verify-history.py").toAbsolutePath().normalize();
        boolean python;
        try {
            python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException absent) {
            python = false;
        }
        if (!python) {
            assertThat(System.getenv("CI")).as("python3 is needed to run docs/verify-history.py").isNotEqualTo("true");
            return;
        }
        Path digestFile = Files.writeString(files.resolve("digest.json"), JSON.writeValueAsString(digest));
        Path keysFile = Files.writeString(files.resolve("keys.json"), JSON.writeValueAsString(keys));
        Process process = new ProcessBuilder("python3", script.toString(), "digest", digestFile.toString(), "--public-key",
                keysFile.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private byte[] download(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> headers.setBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN))
                .retrieve().body(byte[].class);
    }
}
