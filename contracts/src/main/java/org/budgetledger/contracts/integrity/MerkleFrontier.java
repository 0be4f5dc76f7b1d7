package org.budgetledger.contracts.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The right edge of a growing Merkle tree ({@link MerkleHash}): the roots of its complete subtrees, one per set bit of
 * its size, largest (leftmost) first — at most 63, whatever the size. Appending a leaf completes a subtree at each
 * level where the size had a run of set bits, so each leaf costs one hash on average, and the root is those peaks
 * folded from the right. This is how the store grows its tree in the appending transaction, and how verification
 * recomputes it from the events.
 */
public final class MerkleFrontier {

    private long size;
    /** peaks[level], null where the size's bit is clear */
    private final byte[][] peaks = new byte[63][];

    private MerkleFrontier(long size) {
        this.size = size;
    }

    public static MerkleFrontier empty() {
        return new MerkleFrontier(0);
    }

    /**
     * The frontier of a tree of {@code size} leaves from its peaks.
     *
     * @param peaks the hash of each peak, in the order of {@link #peakPositions(long)}
     */
    public static MerkleFrontier of(long size, List<byte[]> peaks) {
        List<MerkleNode> positions = peakPositions(size);
        if (positions.size() != peaks.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + positions.size() + " peaks, not " + peaks.size());
        }
        MerkleFrontier frontier = new MerkleFrontier(size);
        for (int n = 0; n < peaks.size(); n++) {
            frontier.peaks[positions.get(n).level()] = peaks.get(n);
        }
        return frontier;
    }

    /** The complete subtrees a tree of {@code size} leaves is made of, largest first. */
    public static List<MerkleNode> peakPositions(long size) {
        List<MerkleNode> positions = new ArrayList<>();
        for (int level = 62; level >= 0; level--) {
            if (((size >>> level) & 1) == 1) {
                positions.add(new MerkleNode(level, (size >>> level) - 1));
            }
        }
        return positions;
    }

    public long size() {
        return size;
    }

    /** The same frontier, to be grown apart from this one. */
    public MerkleFrontier copy() {
        MerkleFrontier copy = new MerkleFrontier(size);
        System.arraycopy(peaks, 0, copy.peaks, 0, peaks.length);
        return copy;
    }

    /** Appends a leaf hash and hands every subtree it completes (the leaf first, then upwards) to {@code completed}. */
    public void append(byte[] leafHash, BiConsumer<MerkleNode, byte[]> completed) {
        long position = size;
        byte[] hash = leafHash;
        int level = 0;
        completed.accept(new MerkleNode(0, position), hash);
        while ((position & 1) == 1) {
            hash = MerkleHash.node(peaks[level], hash);
            peaks[level] = null;
            level++;
            position >>= 1;
            completed.accept(new MerkleNode(level, position), hash);
        }
        peaks[level] = hash;
        size++;
    }

    /** The tree's root: the peaks folded from the right ({@link MerkleHash#empty()} for no leaf). */
    public byte[] root() {
        byte[] root = null;
        for (int level = 0; level < peaks.length; level++) {
            if (peaks[level] != null) {
                root = root == null ? peaks[level] : MerkleHash.node(peaks[level], root);
            }
        }
        return root == null ? MerkleHash.empty() : root;
    }
}
