package org.budgetledger.ledger.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's Merkle tree as the appends leave it: one leaf per event in sequence order, each SHA-256(0x00 ‖ the
 * event's canonical bytes), recomputed here from the audit history's answer as an outsider would; and every stored
 * subtree the hash of its leaves by RFC 6962's own recursion. A store whose newest events have no leaves (written by
 * a version before the tree) gets them from the start's backfill, or from the next append, with the same hashes.
 */
class MerkleTreeStoreTest extends LedgerIntegrationTest {

    private static final DateTimeFormatter SIX_DECIMALS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Autowired
    MerkleTreeBackfill backfill;

    @Test
    void every_event_is_a_leaf_in_sequence_order_and_every_stored_subtree_hashes_its_leaves() {
        postSome("M");

        assertTreeIsTheHistory();
    }

    @Test
    void events_stored_without_leaves_get_them_from_the_backfill_as_the_appends_would_have_written_them() {
        postSome("B");
        Map<String, String> before = nodes();
        long leaves = leafCount();
        long from = Math.max(0, leaves - 7);
        // as a version before the tree left them: the newest events without leaves, nor the subtrees above them
        superuser.sql("DELETE FROM ledger.merkle_node WHERE ((position + 1) << level) > ?").param(from).update();
        assertThat(leafCount()).isEqualTo(from);

        assertThat(backfill.run()).isEqualTo(leaves - from);

        assertThat(nodes()).isEqualTo(before);
        assertThat(backfill.run()).isZero();
    }

    @Test
    void an_append_first_adds_the_events_stored_without_leaves() {
        postSome("C");
        long leaves = leafCount();
        superuser.sql("DELETE FROM ledger.merkle_node WHERE ((position + 1) << level) > ?").param(leaves - 3).update();

        String unit = newUnit("C");

        assertThat(leafCount()).isEqualTo(leaves + 1);
        assertThat(api().get("/api/v1/units/" + unit).status()).isEqualTo(200);
        assertTreeIsTheHistory();
    }

    private void postSome(String prefix) {
        String unit = newUnit(prefix);
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "1000.00")).status()).isEqualTo(201);
        for (int n = 0; n < 5; n++) {
            assertThat(api().post("/api/v1/transactions", Tx.pay("p" + n, unit, 2023, "a1", "30201", "1" + n + ".00")).status())
                    .isEqualTo(201);
        }
    }

    private void assertTreeIsTheHistory() {
        List<Long> sequences = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api().get("/api/v1/audit/events?limit=1000&afterSequence=" + after).body().path("events");
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode event : page) {
                sequences.add(event.path("sequence").asLong());
                leaves.add(leafOf(event));
                after = event.path("sequence").asLong();
            }
        }
        List<Map<String, Object>> stored = jdbc.sql("SELECT level, position, hash, sequence FROM ledger.merkle_node ORDER BY level, position")
                .query().listOfRows();
        List<Long> leafSequences = stored.stream().filter(node -> ((Number) node.get("level")).intValue() == 0)
                .map(node -> ((Number) node.get("sequence")).longValue()).toList();
        assertThat(leafSequences).isEqualTo(sequences);
        for (Map<String, Object> node : stored) {
            int level = ((Number) node.get("level")).intValue();
            long position = ((Number) node.get("position")).longValue();
            assertThat(HexFormat.of().formatHex((byte[]) node.get("hash"))).as("node %d/%d", level, position)
                    .isEqualTo(HexFormat.of().formatHex(mth(leaves, (int) (position << level), (int) ((position + 1) << level))));
        }
        // and every complete subtree is there
        long expected = 0;
        for (int level = 0; (1L << level) <= leaves.size(); level++) {
            expected += leaves.size() >> level;
        }
        assertThat(stored).hasSize((int) expected);
    }

    /** SHA-256(0x00 ‖ the canonical bytes), put together from the answer as an outsider would, without the ledger's code. */
    private static byte[] leafOf(JsonNode event) {
        String header = String.join("\n", "budget-ledger-event-v1", event.path("previousHash").asText(), event.path("eventId").asText(),
                event.path("aggregateId").asText(), event.path("aggregateSequence").asText(), event.path("type").asText(),
                SIX_DECIMALS.format(Instant.parse(event.path("recordedAt").asText())),
                event.path("transactionId").isNull() ? "" : event.path("transactionId").asText()) + "\n";
        return sha256(new byte[]{0}, header.getBytes(StandardCharsets.UTF_8),
                event.path("payload").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6962 §2.1's MTH over leaves[start, end), by its recursion. */
    private static byte[] mth(List<byte[]> leaves, int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = 1;
        while (k * 2 < end - start) {
            k *= 2;
        }
        return sha256(new byte[]{1}, mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private long leafCount() {
        return jdbc.sql("SELECT count(*) FROM ledger.merkle_node WHERE level = 0").query(Long.class).single();
    }

    private Map<String, String> nodes() {
        Map<String, String> nodes = new HashMap<>();
        jdbc.sql("SELECT level, position, hash FROM ledger.merkle_node").query(row -> {
            nodes.put(row.getInt(1) + "/" + row.getLong(2), HexFormat.of().formatHex(row.getBytes(3)));
        });
        return nodes;
    }
}
