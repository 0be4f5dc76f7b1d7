package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.contracts.wire.TopicHistory;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes a generation of the frozen event corpus ({@link EventCorpus}): a fresh standalone ledger on a data directory of
 * its own, the {@link CorpusScenario} posted to it, and then what it stored, published, signed, proved and projected.
 * Skipped unless asked for, so that the check ({@link EventCorpusTest}) never rewrites what it checks:
 *
 * <pre>
 * ./mvnw -B -pl standalone -am test -Dtest=EventCorpusWriter -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbudgetledger.corpus.write=generation-2
 * </pre>
 *
 * writes (or overwrites) {@code standalone/src/test/resources/corpus/generation-2}. A version that changes how events
 * are stored or published adds a generation under a new name and leaves the older ones as they are: they are the
 * evidence that it still reads what was written before it. Before a version is released, its own generation may be
 * written again (new event types, new fields).
 */
class EventCorpusWriter {

    static final String WRITE = "budgetledger.corpus.write";

    @TempDir
    Path dataDirectory;

    @Test
    void write() throws Exception {
        String generation = System.getProperty(WRITE);
        Assumptions.assumeTrue(generation != null && !generation.isBlank(), "-D" + WRITE + "=<generation> writes a corpus");
        Path target = EventCorpus.DIRECTORY.resolve(generation);
        String[] arguments = Stream.concat(Stream.of("--budgetledger.data-dir=" + dataDirectory, "--server.port=0"),
                Stream.of(TestUsers.arguments())).toArray(String[]::new);
        try (StandaloneLauncher.Running running = StandaloneLauncher.start(arguments)) {
            HttpApi api = new HttpApi(((ServletWebServerApplicationContext) running.context()).getWebServer().getPort());
            CorpusScenario.post(api);
            JdbcClient jdbc = JdbcClient.create(running.context().getBean(DataSource.class));
            long newest = jdbc.sql("SELECT max(globalIndex) FROM ledger.domain_event_entry").query(Long.class).single();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT coalesce(max(last_sequence), 0) FROM "
                    + "ledger.publication_position").query(Long.class).single() >= newest);
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/reports/freshness").body().path("sequence").asLong() >= newest);

            List<ObjectNode> stored = stored(jdbc);
            List<ObjectNode> records = records(running.context().getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
            JsonNode digest = api.get("/api/v1/audit/digest").body();
            JsonNode keys = api.get("/api/v1/audit/keys").body();
            List<JsonNode> proofs = new ArrayList<>();
            for (ObjectNode event : stored) {
                proofs.add(api.get("/api/v1/audit/proofs/inclusion?eventId=" + event.path("eventId").asText() + "&treeSize="
                        + digest.path("treeSize").asLong()).body());
            }
            List<EventCorpus.Delivered> delivered = new ArrayList<>();
            EventValueReader reader = new EventValueReader(EventCorpus.JSON);
            for (ObjectNode record : records) {
                delivered.add(reader.read(record.path("value").asText().getBytes(StandardCharsets.UTF_8), EventCorpus.Delivered::new));
            }
            Instant knownAt = Instant.parse(digest.path("recordedAt").asText());
            ObjectNode tables = EventCorpus.tables(delivered, knownAt);

            assertThat(new TreeSet<>(delivered.stream().map(event -> event.event().eventName()).toList()))
                    .as("a corpus holds every event type: add a posting of the missing ones to CorpusScenario")
                    .isEqualTo(new TreeSet<>(EventTypes.names()));
            assertProjectionAgrees(api, tables, knownAt);
            write(target, stored, records, digest, keys, proofs, tables, generation);
        }
    }

    /** Every row of the store, column by column, as it holds them. */
    private static List<ObjectNode> stored(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM ledger.domain_event_entry ORDER BY globalIndex").query((row, number) -> {
            ObjectNode event = EventCorpus.JSON.createObjectNode();
            event.put("sequence", row.getLong("globalIndex"));
            event.put("eventId", row.getString("eventIdentifier"));
            event.put("aggregateId", row.getString("aggregateIdentifier"));
            event.put("aggregateSequence", row.getLong("sequenceNumber"));
            event.put("aggregateType", row.getString("type"));
            event.put("timeStamp", row.getString("timeStamp"));
            event.put("payloadType", row.getString("payloadType"));
            event.put("payloadRevision", row.getString("payloadRevision"));
            event.put("transactionId", row.getString("transaction_id"));
            event.put("unit", row.getString("unit"));
            event.put("recordedAt", row.getTimestamp("recorded_at").toInstant().toString());
            event.put("previousHash", row.getString("previous_hash"));
            event.put("hash", row.getString("hash"));
            event.put("seal", row.getString("seal"));
            event.put("payload", Base64.getEncoder().encodeToString(row.getBytes("payload")));
            byte[] metaData = row.getBytes("metaData");
            event.put("metaData", metaData == null ? null : Base64.getEncoder().encodeToString(metaData));
            return event;
        }).list();
    }

    /** The topic's records, one per sequence (publishing is at least once), in sequence order. */
    private static List<ObjectNode> records(String bootstrapServers) {
        Map<Long, ObjectNode> bySequence = new TreeMap<>();
        try (TopicHistory history = new TopicHistory(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                "budget-ledger.events")) {
            history.readAll(batch -> {
                for (ConsumerRecord<String, byte[]> record : batch) {
                    ObjectNode written = EventCorpus.JSON.createObjectNode();
                    written.put("key", record.key());
                    ObjectNode headers = written.putObject("headers");
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    written.put("value", value);
                    try {
                        bySequence.putIfAbsent(EventCorpus.JSON.readTree(value).path("sequence").asLong(), written);
                    } catch (IOException unreadable) {
                        throw new AssertionError("the ledger published a value that is no JSON: " + value, unreadable);
                    }
                }
            });
        }
        return new ArrayList<>(bySequence.values());
    }

    /** The live projection's own tables (one unit, no department) have the cells the pure reference computes. */
    private static void assertProjectionAgrees(HttpApi api, ObjectNode tables, Instant knownAt) {
        for (Iterator<Map.Entry<String, JsonNode>> entries = tables.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String[] key = entry.getKey().split(":");
            if (key[2].equals("execution")) {
                continue; // its rate is a percentage, not 分; its amounts are those of the other tables' lines
            }
            JsonNode live = api.get("/api/v1/reports/" + key[0] + "/" + key[1] + "/" + key[2] + "?scope=unit&asOf=" + key[1]
                    + "-12-31&knownAt=" + knownAt).body().path("rows");
            assertThat(live.size()).as(entry.getKey() + ": " + live).isEqualTo(entry.getValue().size());
            for (int n = 0; n < live.size(); n++) {
                JsonNode row = entry.getValue().get(n);
                assertThat(text(live.get(n), "code") + text(live.get(n), "line")).as(entry.getKey())
                        .isEqualTo(text(row, "code") + text(row, "line"));
                for (Iterator<Map.Entry<String, JsonNode>> cells = row.path("fen").fields(); cells.hasNext(); ) {
                    Map.Entry<String, JsonNode> cell = cells.next();
                    assertThat(live.get(n).path("values").path(cell.getKey()).asText()).as(entry.getKey() + " " + row.path("code") + " "
                            + cell.getKey()).isEqualTo(Money.ofFen(cell.getValue().asLong()).toYuanString());
                }
            }
        }
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : "";
    }

    private static void write(Path target, List<ObjectNode> stored, List<ObjectNode> records, JsonNode digest, JsonNode keys,
                              List<JsonNode> proofs, ObjectNode tables, String generation) throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("events.jsonl"), jsonl(stored), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("records.jsonl"), jsonl(records), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("proofs.jsonl"), jsonl(proofs), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("digest.json"), EventCorpus.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(digest) + "\n");
        Files.writeString(target.resolve("keys.json"), EventCorpus.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys) + "\n");
        Files.writeString(target.resolve("tables.json"), EventCorpus.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tables) + "\n");
        Files.writeString(target.resolve("README.md"), """
                # Event corpus, %s

                Every event type as this version of the ledger stored and published it (%d events, %d topic records), written
                by `EventCorpusWriter` on %s from `CorpusScenario`, with its signed digest (tree of %d events), the
                public key, each event's inclusion proof, and every table of every unit-year at 31 December, known at
                %s, in 分. `EventCorpusTest` reads, verifies and projects it in every later version; never edit it by
                hand. To write a generation:

                    ./mvnw -B -pl standalone -am test -Dtest=EventCorpusWriter -Dsurefire.failIfNoSpecifiedTests=false \\
                        -Dbudgetledger.corpus.write=<generation>
                """.formatted(generation, stored.size(), records.size(), Instant.now().toString().substring(0, 10),
                digest.path("treeSize").asLong(), digest.path("recordedAt").asText()), StandardCharsets.UTF_8);
    }

    private static String jsonl(List<? extends JsonNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
