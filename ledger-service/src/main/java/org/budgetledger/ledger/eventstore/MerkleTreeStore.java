package org.budgetledger.ledger.eventstore;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.contracts.integrity.MerkleNode;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store's Merkle tree (SPEC §16, V11__merkle_tree.sql) as the appending transaction grows it: under the append
 * lock, it reads the tree's tip (its size, its newest leaf's event and its peaks: at most 63 rows, by primary key,
 * in one statement), adds a leaf per event and inserts the leaf with every subtree it completes (two rows an event
 * on average). The cost of an append is thus the same at any size of the store.
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

    private static final String TIP = "WITH newest AS (SELECT position + 1 AS tree_size, sequence FROM " + NODE_TABLE
            + " WHERE level = 0 ORDER BY position DESC LIMIT 1) "
            + "SELECT tree_size, sequence, (SELECT array_agg(m.hash ORDER BY m.level DESC) FROM generate_series(0, 62) AS l(level) "
            + "JOIN " + NODE_TABLE + " m ON m.level = l.level AND m.position = (tree_size >> l.level) - 1 "
            + "WHERE ((tree_size >> l.level) & 1) = 1) FROM newest";

    private MerkleTreeStore() {
    }

    /** Reads the tree's tip, in one statement. */
    public static Tip tip(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TIP);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return new Tip(MerkleFrontier.empty(), 0);
            }
            long size = row.getLong(1);
            Array peaks = row.getArray(3);
            List<byte[]> hashes = peaks == null ? List.of() : Arrays.stream((Object[]) peaks.getArray()).map(byte[].class::cast).toList();
            return new Tip(MerkleFrontier.of(size, hashes), row.getLong(2));
        }
    }

    /** Appends the leaves to the tree in the caller's transaction: each leaf and every subtree it completes. */
    public static void append(Connection connection, MerkleFrontier frontier, List<Leaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        List<Completed> completed = new ArrayList<>(2 * leaves.size() + 64);
        for (Leaf leaf : leaves) {
            frontier.append(leaf.hash(), (node, hash) -> completed.add(new Completed(node, hash, node.level() == 0 ? leaf.sequence() : null)));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + NODE_TABLE + " (level, position, hash, sequence) VALUES (?, ?, ?, ?)")) {
            for (Completed node : completed) {
                insert.setShort(1, (short) node.node().level());
                insert.setLong(2, node.node().position());
                insert.setBytes(3, node.hash());
                insert.setObject(4, node.sequence(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record Completed(MerkleNode node, byte[] hash, Long sequence) {
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
