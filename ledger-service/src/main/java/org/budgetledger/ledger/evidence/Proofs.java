package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.contracts.integrity.MerkleProofs;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6962 audit paths of the store's Merkle tree (SPEC §16), from its stored subtrees: at most about 2 log2(n) rows,
 * read in one statement, whatever the size. An inclusion proof hands out the event's canonical bytes as the store holds
 * them now ({@code stored}) and the leaf hash of those bytes, so a changed event fails its proof against any digest
 * taken before the change.
 */
@Component
public class Proofs {

    /** That an event is leaf {@code leafIndex} of the tree of {@code treeSize} leaves. */
    @JsonPropertyOrder({"eventId", "sequence", "leafIndex", "treeSize", "leafHash", "stored", "auditPath"})
    public record Inclusion(String eventId, long sequence, long leafIndex, long treeSize, String leafHash, String stored,
                            List<String> auditPath) {
    }

    /** That the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    public record Consistency(long from, long to, List<String> consistencyPath) {
    }

    private final StoredTree tree;

    Proofs(StoredTree tree) {
        this.tree = tree;
    }

    /** The inclusion proof of a leaf in the tree of {@code treeSize} leaves (the leaf must be in it). */
    public Inclusion inclusion(StoredTree.Leaf leaf, long treeSize) {
        return inclusions(List.of(leaf), treeSize).get(0);
    }

    /** The inclusion proofs of leaves in the tree of {@code treeSize} leaves, from the stored subtrees read in one statement. */
    public List<Inclusion> inclusions(List<StoredTree.Leaf> leaves, long treeSize) {
        List<List<MerkleProofs.Range>> paths = leaves.stream().map(leaf -> MerkleProofs.inclusion(leaf.position(), treeSize)).toList();
        List<String> hashes = hex(tree.hashes(paths.stream().flatMap(List::stream).toList()));
        List<Inclusion> proofs = new ArrayList<>(leaves.size());
        int from = 0;
        for (int n = 0; n < leaves.size(); n++) {
            StoredTree.Leaf leaf = leaves.get(n);
            int to = from + paths.get(n).size();
            proofs.add(new Inclusion(leaf.eventId(), leaf.sequence(), leaf.position(), treeSize,
                    MerkleHash.hex(MerkleHash.leaf(leaf.canonical())), Base64.getEncoder().encodeToString(leaf.canonical()),
                    hashes.subList(from, to)));
            from = to;
        }
        return proofs;
    }

    /** The consistency proof from {@code from} to {@code to} leaves; empty when {@code to} is beyond the tree. */
    public Optional<Consistency> consistency(long from, long to) {
        if (from < 0 || from > to || to > tree.size()) {
            return Optional.empty();
        }
        return Optional.of(new Consistency(from, to, hex(tree.hashes(MerkleProofs.consistency(from, to)))));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHash::hex).toList();
    }
}
