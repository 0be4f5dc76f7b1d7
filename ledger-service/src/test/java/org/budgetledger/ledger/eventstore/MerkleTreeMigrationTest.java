package org.budgetledger.ledger.eventstore;

import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V14 on a tree V11 stored, a row per subtree: each leaf's row gets its leaf and the subtrees ending at it, level 1
 * first, exactly the hashes that were stored (the tree the digests were signed over is converted, never recomputed);
 * a tree with rows removed by hand is converted up to its first leaf that misses something, the rest left to the
 * backfill. Run on a scratch schema migrated to V13.
 */
class MerkleTreeMigrationTest extends LedgerIntegrationTest {

    private static final int LEAVES = 11;

    private final DataSource dataSource = SharedInfrastructure.superuser();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private String schema;
    /** The V11 rows written: "level/position" to hash. */
    private final Map<String, byte[]> nodes = new HashMap<>();

    @BeforeEach
    void treeOfTheVersionBefore() {
        schema = "merkle_v14_" + UUID.randomUUID().toString().substring(0, 8);
        flyway().target("13").load().migrate();
        Random random = new Random(14);
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (int leaf = 0; leaf < LEAVES; leaf++) {
            byte[] leafHash = new byte[32];
            random.nextBytes(leafHash);
            long sequence = 100 + 2L * leaf;
            frontier.append(leafHash, (node, hash) -> {
                nodes.put(node.level() + "/" + node.position(), hash);
                jdbc.sql("INSERT INTO " + schema + ".merkle_node (level, position, hash, sequence) VALUES (?, ?, ?, ?)")
                        .params((short) node.level(), node.position(), hash, node.level() == 0 ? sequence : null).update();
            });
        }
    }

    @AfterEach
    void dropScratchSchema() {
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void every_leaf_gets_its_row_with_the_subtrees_it_completed_as_stored() {
        flyway().load().migrate();

        List<Map<String, Object>> rows = leafRows();
        assertThat(rows).hasSize(LEAVES);
        for (int position = 0; position < LEAVES; position++) {
            Map<String, Object> row = rows.get(position);
            assertThat(((Number) row.get("position")).longValue()).isEqualTo(position);
            assertThat(((Number) row.get("sequence")).longValue()).isEqualTo(100 + 2L * position);
            assertThat(hex((byte[]) row.get("hash"))).isEqualTo(hex(nodes.get("0/" + position)));
            assertThat(hex((byte[]) row.get("completed"))).as("leaf %d", position).isEqualTo(hex(endingAt(position)));
        }
        // leaf 7 completes the subtrees of leaves 6–7, 4–7 and 0–7
        assertThat(((byte[]) rows.get(7).get("completed")).length).isEqualTo(3 * 32);
        assertThat(jdbc.sql("SELECT to_regclass(?)").param(schema + ".merkle_node").query(String.class).optional()).isEmpty();
    }

    @Test
    void a_tree_with_rows_removed_by_hand_is_converted_up_to_its_first_incomplete_leaf() {
        // the subtree of leaves 4–5, stored with leaf 5
        jdbc.sql("DELETE FROM " + schema + ".merkle_node WHERE level = 1 AND position = 2").update();

        flyway().load().migrate();

        assertThat(leafRows()).extracting(row -> ((Number) row.get("position")).longValue()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void a_tree_missing_a_leaf_is_converted_up_to_the_gap() {
        jdbc.sql("DELETE FROM " + schema + ".merkle_node WHERE level = 0 AND position = 8").update();

        flyway().load().migrate();

        assertThat(leafRows()).extracting(row -> ((Number) row.get("position")).longValue())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    private List<Map<String, Object>> leafRows() {
        return jdbc.sql("SELECT position, sequence, hash, completed FROM " + schema + ".merkle_leaf ORDER BY position").query().listOfRows();
    }

    /** The stored subtrees above level 0 whose last leaf is {@code position}, level 1 first. */
    private byte[] endingAt(long position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int level = 1; (position + 1) % (1L << level) == 0; level++) {
            bytes.writeBytes(nodes.get(level + "/" + ((position + 1) / (1L << level) - 1)));
        }
        return bytes.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/ledger").skipDefaultCallbacks(true);
    }
}
