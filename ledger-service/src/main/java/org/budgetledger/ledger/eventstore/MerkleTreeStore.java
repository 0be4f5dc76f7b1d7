package org.budgetledger.ledger.eventstore;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;

import java.io.ByteArrayOutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The store's Merkle tree (SPEC §16; V11__merkle_tree.sql, V14__merkle_tree_one_row_per_event.sql) as the appending
 * transaction grows it: under the append lock, it reads the tree's tip in the statement that reserves the append's
 * sequences ({@code CommitOrderedAppend}): its size and newest leaf, and its peaks (at most 63 rows, by primary key)
 * unless the newest leaf is the one the process's last append left; it adds a row per event, holding the event's leaf
 * and every subtree that leaf completes, in one statement. The cost of an append is thus the same at any size of the store.
 *
 * <p>The subtree {@code (level, position)} is in the row of its last leaf ({@link #rowOf(String, String)}): the leaf's own hash at
 * level 0, bytes {@code [(level - 1) * 32, level * 32)} of the row's {@code completed} above.
 *
 * <p>The tree follows the events it is given, in sequence order. Events stored without their leaves (by a version
 * before the tree, or written by hand) are added first by {@link #catchUp}, which the start runs for a whole store
 * ({@link MerkleTreeBackfill}) and every append for what a version before the tree appended since.
 */
public final class MerkleTreeStore {

    public static final String LEAF_TABLE = LedgerSchema.NAME + ".merkle_leaf";

    /**
     * The columns an event's canonical bytes are made of ({@link #canonical(ResultSet)}), in a statement on
     * {@link EventStoreConfiguration#EVENT_TABLE}.
     */
    public static final String CANONICAL_COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType, "
            + "recorded_at, transaction_id, previous_hash, payload";

    /** The tree as stored: its frontier, and the sequence of its newest leaf's event (0 for an empty tree). */
    public record Tip(MerkleFrontier frontier, long newestSequence) {
    }

    /** An event as a leaf of the tree. */
    public record Leaf(long sequence, byte[] hash) {
    }

    /**
     * The tree's newest leaf, as the common table expression {@code newest}: the tree's size ({@code tree_size}), that
     * leaf's event ({@code sequence}) and its hash ({@code newest_leaf}); no row for an empty tree.
     */
    static final String NEWEST_LEAF = "newest AS (SELECT position + 1 AS tree_size, sequence, hash AS newest_leaf FROM " + LEAF_TABLE
            + " ORDER BY position DESC LIMIT 1)";
    /** The hashes of the peaks of a tree of {@code tree_size} leaves, largest first, as one column of {@link #NEWEST_LEAF}'s row. */
    static final String PEAKS = peaks("tree_size");
    private static final String TIP = "WITH " + NEWEST_LEAF + " SELECT tree_size, sequence, " + PEAKS + " FROM newest";

    private MerkleTreeStore() {
    }

    /**
     * SQL: the position of the row that holds the subtree {@code (level, position)}, both SQL expressions: its last leaf's.
     */
    public static String rowOf(String level, String position) {
        return "(((" + position + ") + 1) << (" + level + ")) - 1";
    }

    /**
     * SQL: the hash of the subtree of level {@code level} (an SQL expression) in the row {@code row} (a table alias that
     * holds it, {@link #rowOf(String, String)}), null when the row lacks it.
     */
    public static String nodeHash(String row, String level) {
        return "CASE WHEN (" + level + ") = 0 THEN " + row + ".hash WHEN length(" + row + ".completed) >= (" + level + ") * 32 THEN "
                + "substring(" + row + ".completed FROM ((" + level + ") - 1) * 32 + 1 FOR 32) END";
    }

    /**
     * SQL: the hashes of the peaks of a tree of {@code treeSize} leaves (an SQL expression), largest first, as an array of
     * at most 63; a peak the tree lacks is a null in it.
     */
    public static String peaks(String treeSize) {
        return "(SELECT array_agg(" + nodeHash("m", "g.level") + " ORDER BY g.level DESC) FROM generate_series(0, 62) AS g(level) "
                + "JOIN " + LEAF_TABLE + " m ON m.position = ((" + treeSize + " >> g.level) << g.level) - 1 "
                + "WHERE ((" + treeSize + " >> g.level) & 1) = 1)";
    }

    /**
     * The peaks from an array column of {@link #peaks}: one for each one bit of {@code treeSize}, or an
     * {@link IllegalStateException} naming what the stored tree lacks.
     */
    public static List<byte[]> peaks(Array column, long treeSize) throws SQLException {
        List<byte[]> hashes = column == null ? List.of() : Arrays.stream((Object[]) column.getArray()).map(byte[].class::cast).toList();
        if (hashes.size() != Long.bitCount(treeSize) || hashes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalStateException("the Merkle tree of " + treeSize + " leaves lacks some of its peaks " + MerkleFrontier.peakPositions(treeSize));
        }
        return hashes;
    }

    /** Reads the tree's tip, in one statement. */
    public static Tip tip(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TIP);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? tip(row, 1) : new Tip(MerkleFrontier.empty(), 0);
        }
    }

    /**
     * The tip from a row holding {@code tree_size}, {@code sequence} and {@link #PEAKS} from {@code column} on (as another
     * statement of the append reads them with its own columns); a null size is an empty tree.
     */
    static Tip tip(ResultSet row, int column) throws SQLException {
        return tip(row, column, column + 2);
    }

    /** The tip from a row holding {@code tree_size} and {@code sequence} from {@code column} on, and {@link #PEAKS} at {@code peaksColumn}. */
    static Tip tip(ResultSet row, int column, int peaksColumn) throws SQLException {
        long size = row.getLong(column);
        if (row.wasNull()) {
            return new Tip(MerkleFrontier.empty(), 0);
        }
        return new Tip(MerkleFrontier.of(size, peaks(row.getArray(peaksColumn), size)), row.getLong(column + 1));
    }

    /**
     * Appends the leaves to the tree in the caller's transaction: a row per leaf with every subtree it completes, in one
     * statement (a column array each, unnested): under the append lock, a JDBC batch of a statement per row took the
     * database one execution per row.
     */
    public static void append(Connection connection, MerkleFrontier frontier, List<Leaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        Long[] positions = new Long[leaves.size()];
        Long[] sequences = new Long[leaves.size()];
        byte[][] hashes = new byte[leaves.size()][];
        byte[][] completed = new byte[leaves.size()][];
        for (int n = 0; n < leaves.size(); n++) {
            Leaf leaf = leaves.get(n);
            positions[n] = frontier.size();
            sequences[n] = leaf.sequence();
            hashes[n] = leaf.hash();
            completed[n] = completedBy(frontier, leaf.hash());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + LEAF_TABLE
                + " (position, sequence, hash, completed) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[])")) {
            insert.setArray(1, connection.createArrayOf("int8", positions));
            insert.setArray(2, connection.createArrayOf("int8", sequences));
            insert.setArray(3, connection.createArrayOf("bytea", hashes));
            insert.setArray(4, connection.createArrayOf("bytea", completed));
            insert.executeUpdate();
        }
    }

    /**
     * Appends {@code leafHash} to {@code frontier}: the subtrees it completes above the leaf, level 1 first, as a row's
     * {@code completed} holds them.
     */
    public static byte[] completedBy(MerkleFrontier frontier, byte[] leafHash) {
        ByteArrayOutputStream completed = new ByteArrayOutputStream(64);
        frontier.append(leafHash, (node, hash) -> {
            if (node.level() > 0) {
                completed.writeBytes(hash);
            }
        });
        return completed.toByteArray();
    }

    /**
     * Adds the stored events after the tree's newest leaf, at most {@code eventsMax} of them, in the caller's
     * transaction, which holds the append lock.
     *
     * @return how many events were added
     */
    public static int catchUp(Connection connection, Tip tip, int eventsMax) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CANONICAL_COLUMNS + " FROM "
                + EventStoreConfiguration.EVENT_TABLE + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?")) {
            select.setLong(1, tip.newestSequence());
            select.setInt(2, eventsMax);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    leaves.add(new Leaf(rows.getLong("globalIndex"), MerkleHash.leaf(canonical(rows))));
                }
            }
        }
        append(connection, tip.frontier(), leaves);
        return leaves.size();
    }

    /**
     * The canonical bytes ({@link EventHash#canonical}) of the event on a row of {@link #CANONICAL_COLUMNS}. An event stored
     * before the hash chain has no previous hash: an empty line there.
     */
    public static byte[] canonical(ResultSet row) throws SQLException {
        String payloadType = row.getString("payloadType");
        String previousHash = row.getString("previous_hash");
        return EventHash.canonical(previousHash == null ? "" : previousHash, row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"), row.getLong("sequenceNumber"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), row.getTimestamp("recorded_at").toInstant(),
                row.getString("transaction_id"), row.getBytes("payload"));
    }
}
