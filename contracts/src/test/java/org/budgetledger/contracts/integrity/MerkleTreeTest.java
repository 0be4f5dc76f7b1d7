package org.budgetledger.contracts.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree's hashing against the test vectors of Certificate Transparency's reference implementation, and its
 * frontier and proofs (made of stored complete subtrees) against RFC 6962 §2.1 computed literally, by recursion
 * over the leaves, for every size up to 130 and random larger ones, powers of two and not.
 */
class MerkleTreeTest {

    /** The leaves and roots of certificate-transparency's merkle tree tests (also RFC 9162's test data). */
    private static final byte[][] VECTOR_LEAVES = {
            {}, {0x00}, {0x10}, {0x20, 0x21}, {0x30, 0x31}, {0x40, 0x41, 0x42, 0x43},
            {0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57},
            {0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f}};
    private static final String[] VECTOR_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void the_roots_of_the_reference_test_vectors() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        assertThat(MerkleHash.hex(frontier.root())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 0; n < VECTOR_LEAVES.length; n++) {
            frontier.append(MerkleHash.leaf(VECTOR_LEAVES[n]), (node, hash) -> { });
            assertThat(MerkleHash.hex(frontier.root())).as("tree of %d", n + 1).isEqualTo(VECTOR_ROOTS[n]);
        }
    }

    @Test
    void frontier_roots_and_stored_subtrees_match_the_recursive_definition() {
        List<byte[]> leaves = leaves(130, new Random(1));
        MerkleFrontier frontier = MerkleFrontier.empty();
        Map<MerkleNode, byte[]> stored = new HashMap<>();
        for (int n = 0; n < leaves.size(); n++) {
            frontier.append(leaves.get(n), stored::put);
            assertThat(frontier.root()).as("tree of %d", n + 1).isEqualTo(mth(leaves, 0, n + 1));
        }
        // every complete subtree is stored, with the hash of its leaves
        stored.forEach((node, hash) -> assertThat(hash).isEqualTo(mth(leaves, (int) (node.position() << node.level()),
                (int) ((node.position() + 1) << node.level()))));
        assertThat(stored).hasSize(130 + 65 + 32 + 16 + 8 + 4 + 2 + 1);
        // a frontier rebuilt from its stored peaks goes on as the original
        MerkleFrontier resumed = MerkleFrontier.of(77, MerkleFrontier.peakPositions(77).stream().map(stored::get).toList());
        assertThat(resumed.root()).isEqualTo(mth(leaves, 0, 77));
        resumed.append(leaves.get(77), (node, hash) -> assertThat(hash).isEqualTo(stored.get(node)));
        assertThat(resumed.root()).isEqualTo(mth(leaves, 0, 78));
    }

    @Test
    void inclusion_and_consistency_paths_are_those_of_rfc_6962_and_hold() {
        Random random = new Random(2);
        List<byte[]> leaves = leaves(300, random);
        Map<MerkleNode, byte[]> stored = new HashMap<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        leaves.forEach(leaf -> frontier.append(leaf, stored::put));
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1; n <= 130; n++) {
            sizes.add(n);
        }
        for (int n = 0; n < 40; n++) {
            sizes.add(131 + random.nextInt(170));
        }
        for (int size : sizes) {
            byte[] root = mth(leaves, 0, size);
            for (int leaf : new int[]{0, size - 1, random.nextInt(size), size / 2}) {
                List<byte[]> path = resolve(MerkleProofs.inclusion(leaf, size), stored);
                assertThat(path).as("path of %d in %d", leaf, size).containsExactlyElementsOf(path(leaves, leaf, 0, size));
                assertThat(MerkleHash.inclusionHolds(leaf, size, leaves.get(leaf), path, root)).isTrue();
                assertThat(MerkleHash.inclusionHolds(leaf, size, leaves.get((leaf + 1) % size), path, root)).isEqualTo(size == 1);
                if (!path.isEmpty()) {
                    List<byte[]> bent = new ArrayList<>(path);
                    bent.set(random.nextInt(path.size()), leaves.get(299));
                    assertThat(MerkleHash.inclusionHolds(leaf, size, leaves.get(leaf), bent, root)).isFalse();
                    assertThat(MerkleHash.inclusionHolds(leaf, size, leaves.get(leaf), path, mth(leaves, 0, size + 1))).isFalse();
                }
            }
            for (int first : new int[]{1, size, random.nextInt(size) + 1, Integer.highestOneBit(size)}) {
                List<byte[]> proof = resolve(MerkleProofs.consistency(first, size), stored);
                assertThat(proof).as("proof %d to %d", first, size).containsExactlyElementsOf(
                        first == size ? List.of() : subproof(leaves, first, 0, size, true));
                byte[] firstRoot = mth(leaves, 0, first);
                assertThat(MerkleHash.consistencyHolds(first, size, firstRoot, root, proof)).as("%d to %d", first, size).isTrue();
                if (first < size) {
                    assertThat(MerkleHash.consistencyHolds(first, size, mth(leaves, 1, first + 1), root, proof)).isFalse();
                    assertThat(MerkleHash.consistencyHolds(first, size, firstRoot, mth(leaves, 1, size + 1), proof)).isFalse();
                }
            }
        }
    }

    @Test
    void a_changed_leaf_before_the_first_tree_breaks_every_consistency_proof_from_it() {
        List<byte[]> leaves = leaves(50, new Random(3));
        byte[] firstRoot = mth(leaves, 0, 21);
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(13, MerkleHash.leaf("rewritten".getBytes(StandardCharsets.UTF_8)));
        Map<MerkleNode, byte[]> stored = new HashMap<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        rewritten.forEach(leaf -> frontier.append(leaf, stored::put));

        List<byte[]> proof = resolve(MerkleProofs.consistency(21, 50), stored);

        assertThat(MerkleHash.consistencyHolds(21, 50, firstRoot, frontier.root(), proof)).isFalse();
    }

    private static List<byte[]> resolve(List<MerkleProofs.Range> ranges, Map<MerkleNode, byte[]> stored) {
        return ranges.stream().map(range -> MerkleProofs.hashOf(range, stored::get)).toList();
    }

    private static List<byte[]> leaves(int count, Random random) {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleHash.leaf(data));
        }
        return leaves;
    }

    // RFC 6962 §2.1, literally: MTH, PATH and SUBPROOF over D[start:end]

    private static byte[] mth(List<byte[]> leaves, int start, int end) {
        if (end - start == 0) {
            return MerkleHash.empty();
        }
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = 1;
        while (k * 2 < end - start) {
            k *= 2;
        }
        return MerkleHash.node(mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    private static List<byte[]> path(List<byte[]> leaves, int m, int start, int end) {
        List<byte[]> path = new ArrayList<>();
        if (end - start <= 1) {
            return path;
        }
        int k = 1;
        while (k * 2 < end - start) {
            k *= 2;
        }
        if (m - start < k) {
            path.addAll(path(leaves, m, start, start + k));
            path.add(mth(leaves, start + k, end));
        } else {
            path.addAll(path(leaves, m, start + k, end));
            path.add(mth(leaves, start, start + k));
        }
        return path;
    }

    private static List<byte[]> subproof(List<byte[]> leaves, int m, int start, int end, boolean whole) {
        List<byte[]> proof = new ArrayList<>();
        int n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(mth(leaves, start, end));
            }
            return proof;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m <= k) {
            proof.addAll(subproof(leaves, m, start, start + k, whole));
            proof.add(mth(leaves, start + k, end));
        } else {
            proof.addAll(subproof(leaves, m - k, start + k, end, false));
            proof.add(mth(leaves, start, start + k));
        }
        return proof;
    }
}
