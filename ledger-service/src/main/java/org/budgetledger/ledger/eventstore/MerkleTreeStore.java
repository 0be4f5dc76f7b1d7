package org.budgetledger.ledger.eventstore;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store's Merkle tree (SPEC §16, V11__merkle_tree.sql) as the appending transaction grows it: under the append
 * lock, it reads the tree's tip in the statement that reserves the append's sequences ({@code CommitOrderedAppend}):
 * its size and newest leaf, and its peaks (at most 63 rows, by primary key) unless the newest leaf is the one the
 * process's last append left; it adds a leaf per event and inserts the leaf with every subtree it completes (two rows
 * an event on average, in one statement). The cost of an append is thus the same at any size of the store.
 *
 * <p>The tree follows the events it is given, in sequence order. Events stored without their leaves (by a version
 * before the tree, or written by hand) are added first by {@link #catchUp}, which the start runs for a whole store
 * ({@link MerkleTreeBackfill}) and every append for what a version before the tree appended since.
 */
public final class MerkleTreeStore {

    public static final String NODE_TABLE = LedgerSchema.NAME + ".merkle_node";

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
    static final String NEWEST_LEAF = "newest AS (SELECT position + 1 AS tree_size, sequence, hash AS newest_leaf FROM " + NODE_TABLE
            + " WHERE level = 0 ORDER BY position DESC LIMIT 1)";
    /** The hashes of the peaks of a tree of {@code tree_size} leaves, largest first, as one column of {@link #NEWEST_LEAF}'s row. */
    static final String PEAKS = "(SELECT array_agg(m.hash ORDER BY m.level DESC) FROM generate_series(0, 62) AS l(level) "
            + "JOIN " + NODE_TABLE + " m ON m.level = l.level AND m.position = (tree_size >> l.level) - 1 "
            + "WHERE ((tree_size >> l.level) & 1) = 1)";
    private static final String TIP = "WITH " + NEWEST_LEAF + " SELECT tree_size, sequence, " + PEAKS + " FROM newest";

    private MerkleTreeStore() {
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
        Array peaks = row.getArray(peaksColumn);
        List<byte[]> hashes = peaks == null ? List.of() : Arrays.stream((Object[]) peaks.getArray()).map(byte[].class::cast).toList();
        return new Tip(MerkleFrontier.of(size, hashes), row.getLong(column + 1));
    }

    /**
     * Appends the leaves to the tree in the caller's transaction: each leaf and every subtree it completes, in one
     * statement (a column array each, unnested): under the append lock, a JDBC batch of a statement per row took the
     * database one execution per node, about two an event.
     */
    public static void append(Connection connection, MerkleFrontier frontier, List<Leaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        List<Short> levels = new ArrayList<>(2 * leaves.size() + 64);
        List<Long> positions = new ArrayList<>(2 * leaves.size() + 64);
        List<byte[]> hashes = new ArrayList<>(2 * leaves.size() + 64);
        List<Long> sequences = new ArrayList<>(2 * leaves.size() + 64);
        for (Leaf leaf : leaves) {
            frontier.append(leaf.hash(), (node, hash) -> {
                levels.add((short) node.level());
                positions.add(node.position());
                hashes.add(hash);
                sequences.add(node.level() == 0 ? leaf.sequence() : null);
            });
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + NODE_TABLE
                + " (level, position, hash, sequence) SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[], ?::bigint[])")) {
            insert.setArray(1, connection.createArrayOf("int2", levels.toArray(Short[]::new)));
            insert.setArray(2, connection.createArrayOf("int8", positions.toArray(Long[]::new)));
            insert.setArray(3, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
            insert.setArray(4, connection.createArrayOf("int8", sequences.toArray(Long[]::new)));
            insert.executeUpdate();
        }
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
