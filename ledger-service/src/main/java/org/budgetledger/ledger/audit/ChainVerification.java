package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.eventstore.IntegrityKey;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Walks the whole store in sequence order and checks, for every event, that it links to the one before it,
 * that its content still has its hash, and that its hash carries the ledger's seal; with an earlier digest,
 * also that the event the digest names is still there with the same hash (deleting the newest events
 * leaves the rest of the chain intact, and only the digest shows it).
 */
@Component
class ChainVerification {

    static final int PAGE = 1000;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Verification")
    record Result(boolean ok, long checkedEvents, Offending firstOffending) {
    }

    record Offending(long sequence, String eventId, String problem) {
    }

    private final EventHistory history;
    private final IntegrityKey integrityKey;

    ChainVerification(EventHistory history, IntegrityKey integrityKey) {
        this.history = history;
        this.integrityKey = integrityKey;
    }

    Result verify(Digest digest) {
        String running = EventHash.GENESIS;
        long checked = 0;
        long after = 0;
        // the empty ledger's digest commits to no event, so none can have been deleted since
        boolean digestSeen = digest == null || (digest.sequence() == 0 && EventHash.GENESIS.equals(digest.hash()));
        while (true) {
            List<StoredEvent> page = history.all(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StoredEvent event : page) {
                checked++;
                String problem = problem(event, running);
                if (problem != null) {
                    return new Result(false, checked, new Offending(event.sequence(), event.eventId(), problem));
                }
                if (digest != null && event.sequence() == digest.sequence()) {
                    if (!event.hash().equals(digest.hash())) {
                        return new Result(false, checked, new Offending(event.sequence(), event.eventId(),
                                "differs from the digest: the history up to it was rewritten"));
                    }
                    digestSeen = true;
                }
                running = event.hash();
                after = event.sequence();
            }
        }
        if (!digestSeen) {
            return new Result(false, checked, new Offending(digest.sequence(), null,
                    "the event the digest commits to is gone: events up to sequence " + digest.sequence() + " were deleted"));
        }
        return new Result(true, checked, null);
    }

    private String problem(StoredEvent event, String running) {
        if (event.hash() == null || event.previousHash() == null || event.seal() == null) {
            return "has no integrity fields (stored before the hash chain, or inserted by hand)";
        }
        if (!event.previousHash().equals(running)) {
            return "does not link to the event before it: an event before it was removed, inserted or moved";
        }
        String recomputed = EventHash.of(event.previousHash(), event.eventId(), event.aggregateId(),
                event.aggregateSequence(), event.type(), event.recordedAt(), event.transactionId(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        if (!recomputed.equals(event.hash())) {
            return "its content does not match its hash: it was altered";
        }
        if (!integrityKey.seal(event.hash()).equals(event.seal())) {
            return "its hash is not sealed by this ledger: forged";
        }
        return null;
    }
}
