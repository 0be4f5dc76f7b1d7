package org.budgetledger.ledger.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * SPEC §16's proofs: that an event is in the tree of a digest, and that a later digest's tree extends an earlier one.
 * An inclusion proof names an event, so it answers only a caller who reads the event's unit (another unit's event is
 * as absent, 404, as in the audit history; a catalog event, of no unit, only a caller of every unit).
 */
@Tag(name = "Audit (审计)")
@RestController
class ProofController {

    private final StoredTree tree;
    private final Proofs proofs;
    private final UnitAccess access;

    ProofController(StoredTree tree, Proofs proofs, RegisteredUnitTree unitTree) {
        this.tree = tree;
        this.proofs = proofs;
        this.access = unitTree.access();
    }

    @Operation(summary = "Prove that an event is in the history of a digest (包含证明)", description = """
            RFC 6962's audit path of the event's leaf in the tree of `treeSize` leaves (default: the whole tree): \
            `stored` is the event's canonical bytes as the store holds them (base64: the header its chain hash covers, \
            then its payload), `leafHash` SHA-256(0x00 ‖ stored), `auditPath` the hashes from the leaf up (hex). It holds \
            when RFC 9162 §2.1.3.2 computes the digest's rootHash from them.""")
    @Parameter(name = "eventId", description = "the event", required = true)
    @Parameter(name = "treeSize", description = "the size of the digest's tree; the event's leaf must be in it")
    @ApiResponse(responseCode = "200", description = "The proof")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: treeSize beyond the tree, or before the event's leaf")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such event of a unit the caller reads")
    @GetMapping("/api/v1/audit/proofs/inclusion")
    Proofs.Inclusion inclusion(@RequestParam String eventId, @RequestParam(required = false) Long treeSize) {
        StoredTree.Leaf leaf = tree.leafOf(eventId).orElseThrow(() -> noEvent(eventId));
        Caller caller = Caller.current();
        if (leaf.unit() == null ? !caller.seesUnit(Caller.ALL_UNITS) : !access.reads(caller, leaf.unit())) {
            throw noEvent(eventId);
        }
        long size = treeSize == null ? tree.size() : treeSize;
        if (size < 0 || size > tree.size()) {
            throw EvidenceController.beyondTheTree("treeSize", size);
        }
        if (leaf.position() >= size) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "event " + eventId + " is leaf " + leaf.position()
                    + ": it joined the tree after the first " + size + " events", List.of(new FieldError("treeSize",
                    "more than " + leaf.position())));
        }
        return proofs.inclusion(leaf, size);
    }

    @Operation(summary = "Prove that the history only grew between two digests (一致性证明)", description = """
            RFC 6962's consistency proof from the tree of `from` leaves to the tree of `to` leaves (default: the whole \
            tree), as hex hashes: it holds when RFC 9162 §2.1.4.2 computes both digests' rootHash from it, which proves \
            that the first `from` events are still there, unchanged and in their order. From 0 or to itself the path is \
            empty.""")
    @Parameter(name = "from", description = "the size of the earlier digest's tree", required = true)
    @Parameter(name = "to", description = "the size of the later digest's tree, at most the tree's size")
    @ApiResponse(responseCode = "200", description = "The proof")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: from after to, or to beyond the tree")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @GetMapping("/api/v1/audit/proofs/consistency")
    Proofs.Consistency consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        long size = tree.size();
        long until = to == null ? size : to;
        if (until < 0 || until > size) {
            throw EvidenceController.beyondTheTree("to", until);
        }
        if (from < 0 || from > until) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "from " + from + " must be 0 to " + until + " (to): a tree "
                    + "extends only a smaller one", List.of(new FieldError("from", "0 to " + until)));
        }
        return proofs.consistency(from, until).orElseThrow(() -> EvidenceController.beyondTheTree("to", until));
    }

    private static ApiProblem noEvent(String eventId) {
        return new ApiProblem(ProblemCode.NOT_FOUND, "no event " + eventId);
    }
}
