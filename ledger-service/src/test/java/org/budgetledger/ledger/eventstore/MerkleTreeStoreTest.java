package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.ledger.evidence.Outsider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    /**
     * Every subtree the tree stores, as (level, position, hash, sequence — the leaf's event, level 0 only): a leaf's row
     * holds its own hash and, 32 bytes a level from level 1, the subtrees it completes, each ending at that leaf.
     */
    private static final String STORED_NODES = "SELECT g.level, ((m.position + 1) >> g.level) - 1 AS position, CASE WHEN g.level = 0 "
            + "THEN m.hash ELSE substring(m.completed FROM (g.level - 1) * 32 + 1 FOR 32) END AS hash, "
            + "CASE WHEN g.level = 0 THEN m.sequence END AS sequence "
            + "FROM ledger.merkle_leaf m, generate_series(0, length(m.completed) / 32) AS g(level)";

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
        superuser.sql("DELETE FROM ledger.merkle_leaf WHERE position >= ?").param(from).update();
        assertThat(leafCount()).isEqualTo(from);

        assertThat(backfill.run()).isEqualTo(leaves - from);

        assertThat(nodes()).isEqualTo(before);
        assertThat(backfill.run()).isZero();
    }

    @Test
    void an_append_first_adds_the_events_stored_without_leaves() {
        postSome("C");
        long leaves = leafCount();
        superuser.sql("DELETE FROM ledger.merkle_leaf WHERE position >= ?").param(leaves - 3).update();

        String unit = newUnit("C");

        assertThat(leafCount()).isEqualTo(leaves + 1);
        assertThat(api().get("/api/v1/units/" + unit).status()).isEqualTo(200);
        assertTreeIsTheHistory();
    }

    /**
     * An append whose transaction rolls back after its leaves were computed leaves nothing in the tree, and the next
     * append grows the tree from what is stored: not from the tip that append would have left (the append keeps the
     * tip it left in memory, and may use it only while the store's newest leaf is that tip's).
     */
    @Test
    void an_append_that_rolls_back_leaves_no_trace_in_the_tree_grown_after_it() {
        postSome("R");
        String unit = newUnit("R");
        long leaves = leafCount();
        superuser.sql("""
                CREATE FUNCTION ledger.refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN IF NEW.transaction_id LIKE 'refused-%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$""").update();
        superuser.sql("CREATE TRIGGER refuse_for_test BEFORE INSERT ON ledger.domain_event_entry FOR EACH ROW EXECUTE FUNCTION ledger.refuse_for_test()")
                .update();
        try {
            api().post("/api/v1/transactions", Tx.appropriate("refused-1", unit, 2023, "GENERAL_BUDGET", "700.00"));
            assertThat(leafCount()).isEqualTo(leaves);
        } finally {
            superuser.sql("DROP TRIGGER refuse_for_test ON ledger.domain_event_entry").update();
            superuser.sql("DROP FUNCTION ledger.refuse_for_test()").update();
        }
        // as many events as the refused append had: the same tree size, other leaves
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a2", unit, 2023, "GENERAL_BUDGET", "700.00")).status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/transactions", Tx.pay("p2", unit, 2023, "a2", "30201", "7.00")).status()).isEqualTo(201);

        assertTreeIsTheHistory();
    }

    /**
     * The appending process keeps the tip its last append left and, while the store's newest leaf is that tip's, does not
     * read the peaks again (one statement fewer under the append lock): a peak rewritten by hand beneath an unchanged
     * newest leaf is not taken into the subtrees grown after it (verification finds the rewrite either way).
     */
    @Test
    void an_append_after_this_process_own_append_grows_the_tree_from_the_tip_it_kept() {
        String unit = newUnit("K");
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "1000.00")).status())
                .isEqualTo(201);
        // until the tree's size has a peak of level 1 (its size's bit 1 set), which the next leaves up to the next
        // multiple of four merge into a subtree of level 2
        int posted = 0;
        while ((leafCount() & 2) == 0) {
            assertThat(api().post("/api/v1/transactions", Tx.pay("w" + posted++, unit, 2023, "a1", "30201", "1.00")).status())
                    .isEqualTo(201);
        }
        long size = leafCount();
        long levelOnePeakRow = ((size >> 1) << 1) - 1;
        superuser.sql("UPDATE ledger.merkle_leaf SET completed = set_byte(completed, 0, get_byte(completed, 0) # 1) WHERE position = ?")
                .param(levelOnePeakRow).update();
        try {
            while (leafCount() < (size & ~3L) + 4) {
                assertThat(api().post("/api/v1/transactions", Tx.pay("g" + posted++, unit, 2023, "a1", "30201", "1.00")).status())
                        .isEqualTo(201);
            }

            List<byte[]> leaves = Outsider.history(api()).leaves();
            long quartet = size >> 2;
            byte[] stored = jdbc.sql("SELECT substring(completed FROM 33 FOR 32) FROM ledger.merkle_leaf WHERE position = ?")
                    .param(4 * quartet + 3).query(byte[].class).single();
            assertThat(Outsider.hex(stored)).as("the subtree of level 2 over the leaves %d–%d", 4 * quartet, 4 * quartet + 3)
                    .isEqualTo(Outsider.hex(Outsider.mth(leaves, (int) (4 * quartet), (int) (4 * quartet + 4))));
        } finally {
            superuser.sql("UPDATE ledger.merkle_leaf SET completed = set_byte(completed, 0, get_byte(completed, 0) # 1) WHERE position = ?")
                    .param(levelOnePeakRow).update();
        }
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
        Outsider.History history = Outsider.history(api());
        List<byte[]> leaves = history.leaves();
        List<Long> sequences = history.events().stream().map(event -> event.path("sequence").asLong()).toList();
        List<Map<String, Object>> stored = jdbc.sql(STORED_NODES + " ORDER BY level, position")
                .query().listOfRows();
        List<Long> leafSequences = stored.stream().filter(node -> ((Number) node.get("level")).intValue() == 0)
                .map(node -> ((Number) node.get("sequence")).longValue()).toList();
        assertThat(leafSequences).isEqualTo(sequences);
        for (Map<String, Object> node : stored) {
            int level = ((Number) node.get("level")).intValue();
            long position = ((Number) node.get("position")).longValue();
            assertThat(Outsider.hex((byte[]) node.get("hash"))).as("node %d/%d", level, position)
                    .isEqualTo(Outsider.hex(Outsider.mth(leaves, (int) (position << level), (int) ((position + 1) << level))));
        }
        // and every complete subtree is there
        long expected = 0;
        for (int level = 0; (1L << level) <= leaves.size(); level++) {
            expected += leaves.size() >> level;
        }
        assertThat(stored).hasSize((int) expected);
    }

    private long leafCount() {
        return jdbc.sql("SELECT count(*) FROM ledger.merkle_leaf").query(Long.class).single();
    }

    private Map<String, String> nodes() {
        Map<String, String> nodes = new HashMap<>();
        jdbc.sql(STORED_NODES).query(row -> {
            nodes.put(row.getInt(1) + "/" + row.getLong(2), HexFormat.of().formatHex(row.getBytes(3)));
        });
        return nodes;
    }
}
