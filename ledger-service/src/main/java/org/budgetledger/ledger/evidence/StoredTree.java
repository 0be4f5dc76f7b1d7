package org.budgetledger.ledger.evidence;

import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleNode;
import org.budgetledger.contracts.integrity.MerkleProofs;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.budgetledger.ledger.eventstore.MerkleTreeStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's Merkle tree as the appends keep it ({@link MerkleTreeStore}), read: a tree head (the root of the first n
 * leaves, from the peaks of n: at most 63 rows, one statement), the leaf of an event, and the stored subtrees an
 * audit path is made of (one statement). Every answer is put together from complete subtrees, which never change,
 * so a head or a path of an earlier size is as cheap as the newest.
 */
@Repository
public class StoredTree {

    /**
     * The tree of the first {@code treeSize} leaves: its root, and the store's event at its newest leaf (its sequence,
     * chain hash and recording instant; all null for the empty tree, the hash null if that event is no longer stored).
     */
    public record Head(long treeSize, byte[] root, Long sequence, String hash, Instant recordedAt) {
    }

    /** An event's leaf: its position (0-based), and the event's chain hash and canonical bytes as stored now. */
    public record Leaf(long position, long sequence, String eventId, String unit, String hash, byte[] canonical) {
    }

    private static final String LEAVES_TABLE = MerkleTreeStore.LEAF_TABLE;
    private static final String CURRENT_SIZE = "SELECT coalesce(max(position) + 1, 0) FROM " + LEAVES_TABLE;
    /**
     * The head of the tree of {@code ?} leaves (null: all of them) in one statement: its size and the tree's (computed
     * once, materialized, which also keeps the plan small), its newest leaf's event, and its peaks by primary key.
     */
    private static final String HEAD = "WITH sized AS MATERIALIZED (SELECT coalesce(CAST(? AS BIGINT), stored.size) AS tree_size, "
            + "stored.size AS current_size FROM (" + CURRENT_SIZE + ") AS stored(size)) "
            + "SELECT s.tree_size, s.current_size, l.sequence, e.hash, e.recorded_at, " + MerkleTreeStore.peaks("s.tree_size") + " AS peaks "
            + "FROM sized s LEFT JOIN " + LEAVES_TABLE + " l ON l.position = s.tree_size - 1 "
            + "LEFT JOIN " + EventStoreConfiguration.EVENT_TABLE + " e ON e.globalIndex = l.sequence";

    private static final String LEAVES = "SELECT l.position, e.unit, e.hash, " + MerkleTreeStore.CANONICAL_COLUMNS + " FROM "
            + EventStoreConfiguration.EVENT_TABLE + " e JOIN " + LEAVES_TABLE + " l ON l.sequence = e.globalIndex ";

    private final JdbcClient jdbc;

    StoredTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head of the whole tree, as committed. */
    public Head head() {
        return jdbc.sql(HEAD).param(new SqlParameterValue(Types.BIGINT, null)).query((RowMapper<Optional<Head>>) this::head).single()
                .orElseThrow();
    }

    /** The head of the tree's first {@code treeSize} leaves; empty beyond the tree. */
    public Optional<Head> head(long treeSize) {
        if (treeSize < 0) {
            return Optional.empty();
        }
        return jdbc.sql(HEAD).param(treeSize).query((RowMapper<Optional<Head>>) this::head).single();
    }

    /** How many leaves the tree has now. */
    public long size() {
        return jdbc.sql(CURRENT_SIZE).query(Long.class).single();
    }

    /**
     * How many of the first events were recorded at or before {@code knownAt}: the size of the tree as it stood then.
     * {@code recordedAt} never decreases along the sequence, so that is a binary search over the leaves (about 24
     * reads by primary key at 10,000,000 events).
     */
    public long sizeAt(Instant knownAt) {
        long low = 0;
        long high = size();
        while (low < high) {
            long middle = low + (high - low) / 2;
            Instant recorded = jdbc.sql("SELECT e.recorded_at FROM " + LEAVES_TABLE + " l JOIN " + EventStoreConfiguration.EVENT_TABLE
                            + " e ON e.globalIndex = l.sequence WHERE l.position = ?").param(middle)
                    .query((row, number) -> row.getTimestamp(1).toInstant()).optional()
                    .orElseThrow(() -> new IllegalStateException("the tree's leaf " + middle + " has no stored event"));
            if (recorded.isAfter(knownAt)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The leaf of the stored event {@code eventId}; empty when the store or the tree has none. */
    public Optional<Leaf> leafOf(String eventId) {
        return jdbc.sql(LEAVES + "WHERE e.eventIdentifier = ? ORDER BY l.position DESC LIMIT 1").param(eventId)
                .query(StoredTree::leaf).optional();
    }

    /**
     * The leaves of a budget year's events among the first {@code treeSize} leaves, in the budget year's order, after
     * its event {@code afterAggregateSequence} (-1: from its first), at most {@code limit}.
     */
    public List<Leaf> leavesOf(String aggregateId, long afterAggregateSequence, long treeSize, int limit) {
        return jdbc.sql(LEAVES + "WHERE e.aggregateIdentifier = ? AND e.sequenceNumber > ? AND l.position < ? "
                        + "ORDER BY e.sequenceNumber LIMIT ?")
                .params(aggregateId, afterAggregateSequence, treeSize, limit).query(StoredTree::leaf).list();
    }

    private static Leaf leaf(ResultSet row, int number) throws SQLException {
        return new Leaf(row.getLong("position"), row.getLong("globalIndex"), row.getString("eventIdentifier"), row.getString("unit"),
                row.getString("hash"), MerkleTreeStore.canonical(row));
    }

    /** The hash of each range, from the stored subtrees it is made of, read in one statement. */
    public List<byte[]> hashes(List<MerkleProofs.Range> ranges) {
        Set<MerkleNode> needed = MerkleProofs.blocksOf(ranges);
        Map<MerkleNode, byte[]> stored = new HashMap<>();
        if (!needed.isEmpty()) {
            Integer[] levels = needed.stream().map(MerkleNode::level).toArray(Integer[]::new);
            Long[] positions = needed.stream().map(MerkleNode::position).toArray(Long[]::new);
            jdbc.sql("SELECT n.level, n.position, " + MerkleTreeStore.nodeHash("m", "n.level") + " FROM unnest(CAST(? AS int[]), "
                            + "CAST(? AS bigint[])) AS n(level, position) JOIN " + LEAVES_TABLE + " m ON m.position = "
                            + MerkleTreeStore.rowOf("n.level", "n.position"))
                    .params(new SqlArrayValue("int", (Object[]) levels), new SqlArrayValue("bigint", (Object[]) positions))
                    .query(row -> {
                        stored.put(new MerkleNode(row.getInt(1), row.getLong(2)), row.getBytes(3));
                    });
        }
        return ranges.stream().map(range -> MerkleProofs.hashOf(range, node -> {
            byte[] hash = stored.get(node);
            if (hash == null) {
                throw new IllegalStateException("the Merkle tree lacks its subtree " + node);
            }
            return hash;
        })).toList();
    }

    private Optional<Head> head(ResultSet row, int number) throws SQLException {
        long treeSize = row.getLong("tree_size");
        if (treeSize > row.getLong("current_size")) {
            return Optional.empty();
        }
        List<byte[]> hashes = MerkleTreeStore.peaks(row.getArray("peaks"), treeSize);
        long sequence = row.getLong("sequence");
        return Optional.of(new Head(treeSize, MerkleFrontier.of(treeSize, hashes).root(), row.wasNull() ? null : sequence,
                row.getString("hash"), row.getTimestamp("recorded_at") == null ? null : row.getTimestamp("recorded_at").toInstant()));
    }
}
