package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.eventstore.IntegrityKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Walks the whole store in sequence order and checks, for every event, that it links to the one before it,
 * that its content still has its hash, and that its hash carries the ledger's seal; with an earlier digest,
 * also that the event the digest names is still there with the same hash (deleting the newest events
 * leaves the rest of the chain intact, and only the digest shows it). Then, the chain being intact, that
 * every table the ledger answers from beside its events ({@link DerivedTable}) follows from them.
 *
 * <p>Everything is read in one read-only snapshot, so that postings committed meanwhile neither appear half
 * nor make a table disagree with the events read; a page of events at a time, so that memory does not grow
 * with the history.
 */
@Component
class ChainVerification {

    static final int PAGE = 1000;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Verification")
    record Result(boolean ok, long checkedEvents, Offending firstOffending) {
    }

    /**
     * What is wrong, and where: the event's sequence and id (either null when no event is concerned); for a
     * table that disagrees with the events, also the {@code table} and the key of its {@code row}.
     */
    record Offending(Long sequence, String eventId, String problem,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String table,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String row) {

        Offending(long sequence, String eventId, String problem) {
            this(sequence, eventId, problem, null, null);
        }

        static Offending of(DerivedTable.Disagreement disagreement) {
            return new Offending(disagreement.sequence(), disagreement.eventId(),
                    disagreement.table() + " row " + disagreement.row() + ": " + disagreement.problem(),
                    disagreement.table(), disagreement.row());
        }
    }

    private final EventHistory history;
    private final IntegrityKey integrityKey;
    private final List<DerivedTable> derivedTables;
    private final TransactionTemplate snapshot;

    ChainVerification(EventHistory history, IntegrityKey integrityKey, List<DerivedTable> derivedTables,
                      PlatformTransactionManager transactions) {
        this.history = history;
        this.integrityKey = integrityKey;
        this.derivedTables = derivedTables;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    Result verify(Digest digest) {
        return snapshot.execute(status -> walk(digest));
    }

    private Result walk(Digest digest) {
        EventHistory.Numbering numbering = history.numbering();
        List<DerivedTable.Comparison> comparisons = derivedTables.stream().map(DerivedTable::compare).toList();
        Offending disagreement = null;
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
                String problem = problem(event, running, numbering, missing(after, event.sequence(), numbering));
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
            if (disagreement == null) {
                disagreement = first(comparisons, comparison -> comparison.add(page));
            }
        }
        if (!digestSeen) {
            return new Result(false, checked, new Offending(digest.sequence(), null,
                    "the event the digest commits to is gone: events up to sequence " + digest.sequence() + " were deleted"));
        }
        String missingAtTheEnd = missing(after, numbering.lastSequence() + 1, numbering);
        if (missingAtTheEnd != null) {
            return new Result(false, checked, new Offending(after + 1, null, missingAtTheEnd + " missing at the end: the newest "
                    + "events were deleted (the store handed out sequences up to " + numbering.lastSequence() + ")"));
        }
        if (disagreement == null) {
            disagreement = first(comparisons, DerivedTable.Comparison::finish);
        }
        return new Result(disagreement == null, checked, disagreement);
    }

    /** The first disagreement one step of the comparisons finds, in the order of the tables. */
    private static Offending first(List<DerivedTable.Comparison> comparisons,
                                   Function<DerivedTable.Comparison, Optional<DerivedTable.Disagreement>> step) {
        for (DerivedTable.Comparison comparison : comparisons) {
            Optional<DerivedTable.Disagreement> disagreement = step.apply(comparison);
            if (disagreement.isPresent()) {
                return Offending.of(disagreement.get());
            }
        }
        return null;
    }

    /**
     * The sequences the store handed out between {@code previous} (0 for none) and {@code next} that are not
     * there, as the subject of a sentence, if any. It hands them out without gaps, so a missing one is a
     * deleted event; only numbers from before {@code countedFrom} (an older version's, lost to rollbacks) are
     * no evidence.
     */
    private static String missing(long previous, long next, EventHistory.Numbering numbering) {
        long first = previous + 1;
        long last = next - 1;
        if (last < first || last < numbering.countedFrom()) {
            return null;
        }
        return first == last ? "sequence " + first + " is" : "sequences " + first + " to " + last + " are";
    }

    private String problem(StoredEvent event, String running, EventHistory.Numbering numbering, String missing) {
        if (event.hash() == null || event.previousHash() == null || event.seal() == null) {
            return "has no integrity fields (stored before the hash chain, or inserted by hand)";
        }
        if (event.sequence() > numbering.lastSequence()) {
            return "its sequence was never handed out by the store: inserted by hand";
        }
        String deleted = missing == null ? null : missing + " missing before it: events were deleted";
        if (!event.previousHash().equals(running)) {
            return "does not link to the event before it: an event before it was removed, inserted or moved"
                    + (deleted == null ? "" : "; " + deleted);
        }
        if (deleted != null) {
            return deleted;
        }
        String recomputed = EventHash.of(event.previousHash(), event.eventId(), event.aggregateId(),
                event.aggregateSequence(), event.type(), event.recordedAt(), event.transactionId(),
                event.storedPayload().getBytes(StandardCharsets.UTF_8));
        if (!recomputed.equals(event.hash())) {
            return "its content does not match its hash: it was altered"
                    + (event.damaged() == null ? "" : " (" + event.damaged() + ")");
        }
        if (!integrityKey.seal(event.hash()).equals(event.seal())) {
            return "its hash is not sealed by this ledger: forged";
        }
        if (event.damaged() != null) {
            return event.damaged();
        }
        return null;
    }
}
