package org.budgetledger.contracts.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashing of the store's Merkle tree (RFC 6962 §2.1, as RFC 9162 §2.1 keeps it) and the checks of its proofs
 * (RFC 9162 §2.1.3.2 and §2.1.4.2). A leaf is SHA-256(0x00 ‖ an event's canonical bytes, {@link EventHash#canonical});
 * a node is SHA-256(0x01 ‖ left ‖ right); the leaves are the store's events in sequence order. The tree of n leaves
 * splits at the largest power of two below n, so every subtree on its left is complete: those are the nodes the
 * store keeps, and they never change once the tree has grown past them.
 *
 * <p>The checks are what an auditor runs with a digest kept earlier; {@code docs/verify-history.py} has the same
 * ones in Python, and the tests hold the two to the same answers.
 */
public final class MerkleHash {

    public static final int HASH_BYTES = 32;

    private MerkleHash() {
    }

    /** The root of the tree of no leaf: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0);
        sha256.update(canonical);
        return sha256.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    public static byte[] unhex(String hash) {
        return HexFormat.of().parseHex(hash);
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2): where the tree of n leaves splits. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * Whether {@code path} proves that the leaf {@code leafHash} is leaf {@code leafIndex} of the tree of {@code treeSize}
     * leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
     */
    public static boolean inclusionHolds(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether {@code path} proves that the tree of {@code second} leaves with root {@code secondRoot} extends the tree
     * of {@code first} leaves with root {@code firstRoot}: its first {@code first} leaves are those, unchanged and in
     * their order (RFC 9162 §2.1.4.2; a tree of no leaf is extended by every tree, a tree by itself with no path).
     */
    public static boolean consistencyHolds(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == 0) {
            return path.isEmpty() && Arrays.equals(firstRoot, empty());
        }
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> nodes = path;
        if (Long.bitCount(first) == 1) {
            nodes = new ArrayList<>(path.size() + 1);
            nodes.add(firstRoot);
            nodes.addAll(path);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = nodes.get(0);
        byte[] sr = nodes.get(0);
        for (byte[] c : nodes.subList(1, nodes.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
