package org.budgetledger.contracts.integrity;

/**
 * A complete subtree of the store's Merkle tree: {@code level} 0 is a leaf; it covers the leaves
 * [position × 2^level, (position + 1) × 2^level). Its hash never changes once the tree has grown past it.
 */
public record MerkleNode(int level, long position) {

    public MerkleNode {
        if (level < 0 || level > 62 || position < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", position " + position);
        }
    }
}
