package org.budgetledger.contracts.integrity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The RFC 6962 §2.1.1–2.1.2 audit paths (PATH and PROOF), made of the complete subtrees a store keeps. Every element
 * of a path is the hash of a range of leaves that starts at a multiple of the largest power of two not above its
 * length; such a range is a run of complete subtrees of decreasing size ({@link #blocks}), whose hash is theirs
 * folded from the right. So a path of a tree of n leaves needs at most about 2 log2(n) stored subtrees, all read at
 * once: {@link #blocksOf} says which, {@link #hashOf} puts them together.
 */
public final class MerkleProofs {

    /** The leaves [start, end). */
    public record Range(long start, long end) {

        public Range {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("no range of leaves: [" + start + ", " + end + ")");
            }
        }

        long size() {
            return end - start;
        }
    }

    private MerkleProofs() {
    }

    /** The ranges whose hashes make the inclusion path of leaf {@code leafIndex} in the tree of {@code treeSize} leaves, in order. */
    public static List<Range> inclusion(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<Range> path = new ArrayList<>();
        inclusion(leafIndex, 0, treeSize, path);
        return path;
    }

    private static void inclusion(long leaf, long start, long end, List<Range> path) {
        if (end - start <= 1) {
            return;
        }
        long k = MerkleHash.split(end - start);
        if (leaf - start < k) {
            inclusion(leaf, start, start + k, path);
            path.add(new Range(start + k, end));
        } else {
            inclusion(leaf, start + k, end, path);
            path.add(new Range(start, start + k));
        }
    }

    /** The ranges whose hashes make the consistency proof from the tree of {@code first} leaves to that of {@code second}. */
    public static List<Range> consistency(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<Range> path = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, path);
        }
        return path;
    }

    private static void subproof(long m, long start, long end, boolean whole, List<Range> path) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                path.add(new Range(start, end));
            }
            return;
        }
        long k = MerkleHash.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, path);
            path.add(new Range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, path);
            path.add(new Range(start, start + k));
        }
    }

    /** The complete subtrees a range is made of, left to right, each larger than the next. */
    public static List<MerkleNode> blocks(Range range) {
        List<MerkleNode> blocks = new ArrayList<>();
        long position = range.start();
        while (position < range.end()) {
            int level = 63 - Long.numberOfLeadingZeros(range.end() - position);
            while (position % (1L << level) != 0) {
                level--;
            }
            if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).level() <= level) {
                throw new IllegalArgumentException("the leaves " + range + " are no subtree of a Merkle tree");
            }
            blocks.add(new MerkleNode(level, position >> level));
            position += 1L << level;
        }
        return blocks;
    }

    /** Every complete subtree the ranges are made of, once each. */
    public static Set<MerkleNode> blocksOf(List<Range> ranges) {
        Set<MerkleNode> blocks = new LinkedHashSet<>();
        ranges.forEach(range -> blocks.addAll(blocks(range)));
        return blocks;
    }

    /**
     * The hash of a range from the hashes of its complete subtrees.
     *
     * @param stored the hash of each complete subtree
     */
    public static byte[] hashOf(Range range, Function<MerkleNode, byte[]> stored) {
        List<MerkleNode> blocks = blocks(range);
        byte[] hash = stored.apply(blocks.get(blocks.size() - 1));
        for (int n = blocks.size() - 2; n >= 0; n--) {
            hash = MerkleHash.node(stored.apply(blocks.get(n)), hash);
        }
        return hash;
    }
}
