package org.budgetledger.ledger.evidence;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed digests of the store (SPEC §16): of the whole tree as committed, of its first n events, or of the events
 * recorded by an instant. A digest is a function of the store and the key: the same tree size always gives the same
 * root and {@code recordedAt} (its newest event's), and Ed25519 signatures are deterministic, so a digest asked again
 * later — by a publication that states the digest its figures were computed from, say — is byte for byte the same.
 * Every digest signed is kept ({@link DigestLog}) and published to the digest topic, which the projection reads.
 */
@Component
public class Digests {

    private final StoredTree tree;
    private final SigningKeys keys;
    private final DigestLog log;

    Digests(StoredTree tree, SigningKeys keys, DigestLog log) {
        this.tree = tree;
        this.keys = keys;
        this.log = log;
    }

    /** The digest of everything committed. */
    public SignedDigest current() {
        return signed(tree.head());
    }

    /** The digest of the first {@code treeSize} events; empty beyond the tree. */
    public Optional<SignedDigest> ofSize(long treeSize) {
        return tree.head(treeSize).map(this::signed);
    }

    /** The digest of the events recorded at or before {@code knownAt}: the ledger as it stood then. */
    public SignedDigest knownAt(Instant knownAt) {
        return ofSize(tree.sizeAt(knownAt)).orElseThrow();
    }

    /**
     * The digest of everything committed when the tree grew since the largest digest signed, else empty: what the
     * scheduled signer signs. Reads only (the tree's size and head, by primary key): no lock an append waits on.
     */
    public Optional<SignedDigest> signIfGrown() {
        return tree.size() > log.largestSigned() ? Optional.of(current()) : Optional.empty();
    }

    private SignedDigest signed(StoredTree.Head head) {
        if (head.treeSize() > 0 && head.recordedAt() == null) {
            // signing a digest the store no longer holds the newest event of would vouch for what is not there
            throw new IllegalStateException("the store lacks the event of the Merkle tree's leaf " + (head.treeSize() - 1)
                    + ": events were deleted (POST /api/v1/audit/verify names them)");
        }
        String rootHash = MerkleHash.hex(head.root());
        String recordedAt = head.treeSize() == 0 ? SignedDigest.EMPTY_RECORDED_AT : EventHash.recordedAt(head.recordedAt());
        SigningKeys.PublicKeyEntry key = keys.current();
        SignedDigest digest = new SignedDigest(head.treeSize(), rootHash, recordedAt,
                keys.sign(SignedDigest.message(head.treeSize(), rootHash, recordedAt)), key.keyId(),
                head.sequence() == null ? 0 : head.sequence(), head.sequence() == null ? EventHash.GENESIS : head.hash(), head.treeSize());
        log.record(digest);
        return digest;
    }
}
