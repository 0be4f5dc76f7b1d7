package org.budgetledger.ledger.audit;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.ledger.eventstore.MerkleTreeStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Verification's walk along the store's Merkle tree (SPEC §16), beside its walk along the events: the i-th event in
 * sequence order must be the tree's leaf i, with that event's sequence and the hash of its canonical bytes as stored
 * now, and the subtrees stored with that leaf must be the ones the events give (proofs are made of them); and the
 * leaves recomputed from the events give the root of the tree of any size, which an auditor's signed digest states. Leaves are read a page at a time, as the events are, in the verification's snapshot.
 */
final class TreeWalk {

    private record StoredLeaf(long sequence, byte[] hash, byte[] completed) {
    }

    private final JdbcClient jdbc;
    private final long digestTreeSize;
    private final MerkleFrontier recomputed = MerkleFrontier.empty();
    private final Map<Long, StoredLeaf> page = new HashMap<>();
    private byte[] rootAtDigest;
    private long sequenceAtDigest;

    /** @param digestTreeSize the size of the digest's tree whose root is wanted, or -1 for none */
    TreeWalk(JdbcClient jdbc, long digestTreeSize) {
        this.jdbc = jdbc;
        this.digestTreeSize = digestTreeSize;
        this.rootAtDigest = digestTreeSize == 0 ? MerkleHash.empty() : null;
    }

    /** Reads the stored leaves of the events at positions [first, first + count). */
    void readLeaves(long first, int count) {
        page.clear();
        jdbc.sql("SELECT position, sequence, hash, completed FROM " + MerkleTreeStore.LEAF_TABLE + " WHERE position >= ? "
                        + "AND position < ?").params(first, first + count)
                .query(row -> {
                    page.put(row.getLong(1), new StoredLeaf(row.getLong(2), row.getBytes(3), row.getBytes(4)));
                });
    }

    /**
     * Adds the event at {@code position} to the recomputed tree and compares it with the stored leaf there (read by
     * {@link #readLeaves}): what is wrong, or null.
     */
    String add(StoredEvent event, long position) {
        byte[] canonical = EventHash.canonical(event.previousHash() == null ? "" : event.previousHash(), event.eventId(),
                event.aggregateId(), event.aggregateSequence(), event.type(), event.recordedAt(), event.transactionId(),
                event.storedPayload().getBytes(StandardCharsets.UTF_8));
        byte[] leaf = MerkleHash.leaf(canonical);
        byte[] completed = MerkleTreeStore.completedBy(recomputed, leaf);
        if (recomputed.size() == digestTreeSize) {
            rootAtDigest = recomputed.root();
            sequenceAtDigest = event.sequence();
        }
        StoredLeaf stored = page.get(position);
        if (stored == null) {
            return "has no leaf in the Merkle tree (leaf " + position + "): stored without the ledger, or the tree was cut short";
        }
        if (stored.sequence() != event.sequence() || !Arrays.equals(stored.hash(), leaf)) {
            return "is not the event of its leaf " + position + " in the Merkle tree (sequence " + stored.sequence()
                    + "): it was changed, moved or inserted after it was appended";
        }
        if (!Arrays.equals(stored.completed(), completed)) {
            return "completes subtrees of the Merkle tree other than the ones stored with its leaf " + position
                    + ": the tree's nodes were rewritten, and proofs made of them are false";
        }
        return null;
    }

    /** The root of the digest's tree recomputed from the events, or null when the store has fewer events. */
    byte[] rootAtDigest() {
        return rootAtDigest;
    }

    /** The sequence of the newest event of the digest's tree (0 for none). */
    long sequenceAtDigest() {
        return sequenceAtDigest;
    }

    /** How many leaves the stored tree has. */
    long leaves() {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM " + MerkleTreeStore.LEAF_TABLE)
                .query(Long.class).single();
    }

    /** The sequence of the stored leaf at {@code position}, if the tree has one. */
    Long sequenceOfLeaf(long position) {
        return jdbc.sql("SELECT sequence FROM " + MerkleTreeStore.LEAF_TABLE + " WHERE position = ?").param(position)
                .query(Long.class).optional().orElse(null);
    }
}
