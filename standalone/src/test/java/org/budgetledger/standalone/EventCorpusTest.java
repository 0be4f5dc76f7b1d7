package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16's frozen corpus, every generation of it ({@link EventCorpus}): this version reads every event as it was
 * stored and as it was published (an older shape through its upcaster: generation-1's CatalogCodeAdded is version 1,
 * without the level version 2 carries; generation-2's CommitmentCarriedOver is version 1, without its closed line's
 * origin), verifies it as stored (hash chain and seals, the Merkle tree's root against the
 * signed digest, every inclusion proof) — before anything is upcast, since the chain covers the stored bytes — and
 * projects it to the very tables recorded beside it. Nothing here writes the corpus: {@link EventCorpusWriter} does, when
 * asked.
 */
class EventCorpusTest {

    @TestFactory
    Stream<DynamicTest> every_generation_reads_verifies_and_projects_as_recorded() {
        List<Path> generations = EventCorpus.generations();
        assertThat(generations).isNotEmpty();
        return generations.stream().flatMap(generation -> Stream.of(
                DynamicTest.dynamicTest(generation.getFileName() + ": the chain, the seals and the Merkle tree hold", () -> verifies(generation)),
                DynamicTest.dynamicTest(generation.getFileName() + ": every event reads as stored and as published", () -> reads(generation)),
                DynamicTest.dynamicTest(generation.getFileName() + ": it projects to the recorded tables", () -> projects(generation))));
    }

    @Test
    void the_newest_generation_holds_every_event_type_of_this_version() {
        List<Path> generations = EventCorpus.generations();
        Path newest = generations.get(generations.size() - 1);
        TreeSet<String> types = new TreeSet<>();
        EventCorpus.lines(newest.resolve("events.jsonl")).forEach(event -> types.add(name(event)));

        assertThat(types).as("%s lacks event types of this version: add them to CorpusScenario and write the corpus again "
                + "(EventCorpusWriter)", newest.getFileName()).containsAll(EventTypes.names());
        for (String type : EventTypes.names()) {
            assertThat(EventCorpus.lines(newest.resolve("events.jsonl")).stream().filter(event -> name(event).equals(type))
                    .map(event -> EventVersions.of(text(event, "payloadRevision"))))
                    .as("%s in %s at its current version", type, newest.getFileName()).contains(EventVersions.current(type));
        }
    }

    @Test
    void the_first_generation_holds_catalog_code_added_at_version_1_which_now_reads_with_its_level() throws Exception {
        JsonNode v1 = EventCorpus.lines(EventCorpus.DIRECTORY.resolve("generation-1").resolve("events.jsonl")).stream()
                .filter(event -> name(event).equals("CatalogCodeAdded")).findFirst().orElseThrow();
        String stored = new String(payload(v1), StandardCharsets.UTF_8);
        assertThat(v1.path("payloadRevision").isNull()).isTrue();
        assertThat(stored).doesNotContain("level");

        RecordedEvent read = readStored(v1);

        assertThat(EventCorpus.JSON.valueToTree(read).path("level").asText()).isEqualTo("ITEM");
    }

    @Test
    void the_second_generation_holds_commitment_carried_over_at_version_1_which_now_reads_with_its_origin_by_its_line_id()
            throws Exception {
        JsonNode v1 = EventCorpus.lines(EventCorpus.DIRECTORY.resolve("generation-2").resolve("events.jsonl")).stream()
                .filter(event -> name(event).equals("CommitmentCarriedOver")).findFirst().orElseThrow();
        assertThat(EventVersions.of(text(v1, "payloadRevision"))).isEqualTo(1);
        assertThat(new String(payload(v1), StandardCharsets.UTF_8)).doesNotContain("fromOrigin").contains("\"fromLineId\":\"a1\"");

        RecordedEvent read = readStored(v1);

        // line a1 has no carry-in mark: version 1's reading, APPROPRIATION (it was appropriated)
        assertThat(EventCorpus.JSON.valueToTree(read).path("fromOrigin").asText()).isEqualTo("APPROPRIATION");
    }

    @Test
    void the_third_generation_holds_a_commitment_carried_over_from_an_opening_line_at_version_2_with_that_origin()
            throws Exception {
        List<JsonNode> carried = EventCorpus.lines(EventCorpus.DIRECTORY.resolve("generation-3").resolve("events.jsonl")).stream()
                .filter(event -> name(event).equals("CommitmentCarriedOver")).toList();
        assertThat(carried).allSatisfy(event -> assertThat(EventVersions.of(text(event, "payloadRevision"))).isEqualTo(2));
        List<String> origins = new ArrayList<>();
        for (JsonNode event : carried) {
            JsonNode stored = EventCorpus.JSON.readTree(payload(event));
            origins.add(stored.path("fromLineId").asText() + ":" + stored.path("fromOrigin").asText());
        }

        assertThat(origins).containsExactlyInAnyOrder("a1:APPROPRIATION", "o1:OPENING");
    }

    private static void verifies(Path generation) throws Exception {
        List<JsonNode> events = EventCorpus.lines(generation.resolve("events.jsonl"));
        JsonNode digest = EventCorpus.read(generation.resolve("digest.json"));
        String previous = EventHash.GENESIS;
        MerkleFrontier tree = MerkleFrontier.empty();
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 0; n < events.size(); n++) {
            JsonNode event = events.get(n);
            assertThat(event.path("sequence").asLong()).as("sequence of the %d-th event", n).isEqualTo(n + 1);
            assertThat(text(event, "previousHash")).as("link of %s", event.path("sequence")).isEqualTo(previous);
            byte[] canonical = canonical(event);
            assertThat(EventHash.ofCanonical(canonical)).as("hash of %s", event.path("sequence")).isEqualTo(text(event, "hash"));
            assertThat(seal(text(event, "hash"))).as("seal of %s", event.path("sequence")).isEqualTo(text(event, "seal"));
            byte[] leaf = MerkleHash.leaf(canonical);
            leaves.add(leaf);
            tree.append(leaf, (node, hash) -> { });
            previous = text(event, "hash");
        }
        assertThat(digest.path("treeSize").asLong()).isEqualTo(events.size());
        assertThat(MerkleHash.hex(tree.root())).isEqualTo(digest.path("rootHash").asText());
        assertThat(signatureHolds(digest, EventCorpus.read(generation.resolve("keys.json")))).isTrue();
        List<JsonNode> proofs = EventCorpus.lines(generation.resolve("proofs.jsonl"));
        assertThat(proofs).hasSize(events.size());
        for (int n = 0; n < proofs.size(); n++) {
            JsonNode proof = proofs.get(n);
            assertThat(Base64.getDecoder().decode(proof.path("stored").asText())).isEqualTo(canonical(events.get(n)));
            List<byte[]> path = new ArrayList<>();
            proof.path("auditPath").forEach(hash -> path.add(MerkleHash.unhex(hash.asText())));
            assertThat(MerkleHash.inclusionHolds(proof.path("leafIndex").asLong(), proof.path("treeSize").asLong(), leaves.get(n), path,
                    MerkleHash.unhex(digest.path("rootHash").asText()))).as("proof of event %d", n + 1).isTrue();
        }
    }

    private static void reads(Path generation) throws Exception {
        List<JsonNode> events = EventCorpus.lines(generation.resolve("events.jsonl"));
        List<JsonNode> records = EventCorpus.lines(generation.resolve("records.jsonl"));
        assertThat(records).hasSize(events.size());
        EventValueReader wire = new EventValueReader(EventCorpus.JSON);
        for (int n = 0; n < events.size(); n++) {
            JsonNode event = events.get(n);
            JsonNode record = records.get(n);
            int version = EventVersions.of(text(event, "payloadRevision"));
            assertThat(version).isBetween(1, EventVersions.current(name(event)));
            assertThat(record.path("headers").path("ce_type").asText()).isEqualTo(EventTypes.cloudEventType(name(event), version));
            assertThat(record.path("headers").path("ce_id").asText()).isEqualTo(text(event, "eventId"));
            // SPEC §5: keyed by its unit-year when it has one; a unit-year's disclosure data published before it was
            // keyed so keeps its three-part key, the store's aggregate (generation-2), and is read all the same
            String aggregate = text(event, "aggregateId");
            assertThat(record.path("key").asText()).as("key of event %d", n + 1).isIn(EventRecords.topicKey(aggregate), aggregate);
            JsonNode value = EventCorpus.JSON.readTree(record.path("value").asText());
            assertThat(value.path("sequence").asLong()).isEqualTo(event.path("sequence").asLong());
            assertThat(value.path("hash").asText()).isEqualTo(text(event, "hash"));

            RecordedEvent stored = readStored(event);
            RecordedEvent published = wire.read(record.path("value").asText().getBytes(StandardCharsets.UTF_8), (envelope, read) -> read);

            assertThat(published).as("event %d as published and as stored", n + 1).isEqualTo(stored);
        }
    }

    private static void projects(Path generation) throws Exception {
        JsonNode digest = EventCorpus.read(generation.resolve("digest.json"));
        JsonNode recorded = EventCorpus.read(generation.resolve("tables.json"));
        EventValueReader wire = new EventValueReader(EventCorpus.JSON);
        List<EventCorpus.Delivered> delivered = new ArrayList<>();
        for (JsonNode record : EventCorpus.lines(generation.resolve("records.jsonl"))) {
            delivered.add(wire.read(record.path("value").asText().getBytes(StandardCharsets.UTF_8), EventCorpus.Delivered::new));
        }

        ObjectNode projected = EventCorpus.tables(delivered, Instant.parse(digest.path("recordedAt").asText()));

        assertThat(names(projected)).isEqualTo(names(recorded));
        for (Iterator<Map.Entry<String, JsonNode>> tables = recorded.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            JsonNode rows = projected.path(table.getKey());
            assertThat(rows.size()).as(table.getKey()).isEqualTo(table.getValue().size());
            for (int n = 0; n < rows.size(); n++) {
                JsonNode expected = table.getValue().get(n);
                JsonNode row = rows.get(n);
                for (String key : List.of("code", "side", "line", "group", "part")) {
                    assertThat(row.path(key)).as("%s row %d %s", table.getKey(), n, key).isEqualTo(expected.path(key));
                }
                // a later version may add columns; every cell recorded must stay what it was
                for (Iterator<Map.Entry<String, JsonNode>> cells = expected.path("fen").fields(); cells.hasNext(); ) {
                    Map.Entry<String, JsonNode> cell = cells.next();
                    assertThat(row.path("fen").path(cell.getKey()).asLong()).as("%s row %d (%s) %s", table.getKey(), n,
                            expected.path("code"), cell.getKey()).isEqualTo(cell.getValue().asLong());
                    assertThat(row.path("fen").has(cell.getKey())).isTrue();
                }
            }
        }
    }

    /** A stored event read as the ledger reads it: its bytes as stored, brought to the current shape of its type. */
    private static RecordedEvent readStored(JsonNode event) throws Exception {
        String name = name(event);
        JsonNode tree = EventCorpus.JSON.readTree(payload(event));
        ObjectNode current = EventVersions.upcast(name, EventVersions.of(text(event, "payloadRevision")), (ObjectNode) tree);
        return EventCorpus.JSON.treeToValue(current, EventTypes.classOf(name).orElseThrow());
    }

    private static byte[] canonical(JsonNode event) {
        String previous = event.hasNonNull("previousHash") ? text(event, "previousHash") : "";
        return EventHash.canonical(previous, text(event, "eventId"), text(event, "aggregateId"), event.path("aggregateSequence").asLong(),
                name(event), Instant.parse(text(event, "recordedAt")), text(event, "transactionId"), payload(event));
    }

    private static byte[] payload(JsonNode event) {
        return Base64.getDecoder().decode(text(event, "payload"));
    }

    private static String name(JsonNode event) {
        String type = text(event, "payloadType");
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> names(JsonNode tables) {
        List<String> names = new ArrayList<>();
        tables.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The seal the corpus's ledger wrote: HMAC-SHA256 under the tests' sealing key. */
    private static String seal(String hash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestUsers.INTEGRITY_KEY), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean signatureHolds(JsonNode digest, JsonNode keys) throws Exception {
        for (JsonNode key : keys.path("keys")) {
            if (key.path("keyId").asText().equals(digest.path("keyId").asText())) {
                byte[] spki = new byte[44];
                System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
                System.arraycopy(Base64.getDecoder().decode(key.path("publicKey").asText()), 0, spki, 12, 32);
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
                verifier.update(("budget-ledger/digest/v1\n" + digest.path("treeSize").asLong() + "\n" + digest.path("rootHash").asText()
                        + "\n" + digest.path("recordedAt").asText()).getBytes(StandardCharsets.US_ASCII));
                return verifier.verify(Base64.getDecoder().decode(digest.path("signature").asText()));
            }
        }
        return false;
    }
}
