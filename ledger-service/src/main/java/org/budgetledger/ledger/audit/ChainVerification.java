package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.ledger.eventstore.IntegrityKey;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.web.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
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
     * table that disagrees with the events, also the {@code table} and the key of its {@code row}, and (not shown)
     * the {@code unit} the row is of.
     */
    record Offending(Long sequence, String eventId, String problem,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String table,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String row,
                     @JsonIgnore String unit) {

        Offending(Long sequence, String eventId, String problem) {
            this(sequence, eventId, problem, null, null, null);
        }

        static Offending of(DerivedTable.Disagreement disagreement) {
            return new Offending(disagreement.sequence(), disagreement.eventId(),
                    disagreement.table() + " row " + disagreement.row() + ": " + disagreement.problem(),
                    disagreement.table(), disagreement.row(), disagreement.unit());
        }

        /** A row of a unit the caller does not read: that the table disagrees, not which row, why, or which event. */
        Offending undisclosed() {
            return new Offending(null, null, "a row of table " + table + " of a unit outside the caller's units does not "
                    + "follow from the events; an auditor of that unit, or of every unit, sees which", table, null, null);
        }
    }

    private final EventHistory history;
    private final IntegrityKey integrityKey;
    private final List<DerivedTable> derivedTables;
    private final JdbcClient jdbc;
    private final TopicCheck topicCheck;
    private final TransactionTemplate snapshot;
    private final RegisteredUnitTree unitTree;

    ChainVerification(EventHistory history, IntegrityKey integrityKey, List<DerivedTable> derivedTables, JdbcClient jdbc,
                      TopicCheck topicCheck, PlatformTransactionManager transactions, RegisteredUnitTree unitTree) {
        this.history = history;
        this.integrityKey = integrityKey;
        this.derivedTables = derivedTables;
        this.jdbc = jdbc;
        this.topicCheck = topicCheck;
        this.snapshot = new TransactionTemplate(transactions);
        this.unitTree = unitTree;
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * The result as the caller may see it (SPEC §13): a row of a table of a unit the caller does not read — by the
     * verified events, not by the register's tables, which may be what was changed — is reported without naming it.
     */
    Result verify(Digest digest, Caller caller) {
        UnitsByEvents units = new UnitsByEvents();
        Result result = snapshot.execute(status -> walk(digest, units));
        Offending offending = result.firstOffending();
        if (offending == null || offending.unit() == null || caller.seesUnit(Caller.ALL_UNITS)
                || units.access(unitTree).reads(caller, offending.unit())) {
            return result;
        }
        return new Result(false, result.checkedEvents(), offending.undisclosed());
    }

    private Result walk(Digest digest, UnitsByEvents units) {
        EventHistory.Numbering numbering = history.numbering();
        List<DerivedTable.Comparison> comparisons = derivedTables.stream().map(DerivedTable::compare).toList();
        // a signed digest (SPEC §16) is checked by its tree, and by its newest event when it names it (SPEC §9)
        boolean signed = digest != null && digest.treeSize() != null;
        boolean newestNamed = digest != null && digest.hash() != null;
        TreeWalk tree = new TreeWalk(jdbc, signed ? digest.treeSize() : -1);
        Offending disagreement = null;
        Offending newestRewritten = null;
        String running = EventHash.GENESIS;
        long checked = 0;
        long after = 0;
        // the empty ledger's digest commits to no event, so none can have been deleted since
        boolean digestSeen = !newestNamed || (digest.sequence() == 0 && EventHash.GENESIS.equals(digest.hash()));
        while (true) {
            List<StoredEvent> page = history.all(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            tree.readLeaves(checked, page.size());
            units.add(page);
            for (StoredEvent event : page) {
                long position = checked++;
                String problem = problem(event, running, numbering, missing(after, event.sequence(), numbering));
                if (problem == null) {
                    problem = tree.add(event, position);
                }
                if (problem != null) {
                    return new Result(false, checked, new Offending(event.sequence(), event.eventId(), problem));
                }
                if (newestNamed && event.sequence() == digest.sequence()) {
                    if (!event.hash().equals(digest.hash()) && newestRewritten == null) {
                        newestRewritten = new Offending(event.sequence(), event.eventId(),
                                "differs from the digest: the history up to it was rewritten");
                        if (!signed) {
                            // without a tree, this event is all the digest can name
                            return new Result(false, checked, newestRewritten);
                        }
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
        Offending atTheEnd = atTheEnd(digest, tree, numbering, checked, after, digestSeen, newestRewritten);
        if (atTheEnd != null) {
            return new Result(false, checked, atTheEnd);
        }
        if (disagreement == null) {
            disagreement = first(comparisons, DerivedTable.Comparison::finish);
        }
        return new Result(disagreement == null, checked, disagreement);
    }

    /**
     * What the whole walk shows, in this order: the digest's newest event gone, its tree not the store's (signed
     * digests), its newest event rewritten, sequences missing at the end, leaves of the tree without their events.
     */
    private Offending atTheEnd(Digest digest, TreeWalk tree, EventHistory.Numbering numbering, long checked, long after,
                               boolean digestSeen, Offending newestRewritten) {
        boolean signed = digest != null && digest.treeSize() != null;
        if (!digestSeen) {
            return new Offending(digest.sequence(), null,
                    "the event the digest commits to is gone: events up to sequence " + digest.sequence() + " were deleted"
                            + (signed && checked < digest.treeSize() ? " (from the one after sequence " + after + " on: the digest's "
                            + "tree had " + digest.treeSize() + " events, the store holds " + checked + ")" : ""));
        }
        Offending rewritten = signed ? againstTheDigestsTree(digest, tree, checked, after) : null;
        if (rewritten != null) {
            return rewritten;
        }
        if (newestRewritten != null) {
            return newestRewritten;
        }
        String missingAtTheEnd = missing(after, numbering.lastSequence() + 1, numbering);
        if (missingAtTheEnd != null) {
            return new Offending(after + 1, null, missingAtTheEnd + " missing at the end: the newest "
                    + "events were deleted (the store handed out sequences up to " + numbering.lastSequence() + ")");
        }
        long leaves = tree.leaves();
        if (leaves > checked) {
            return new Offending(tree.sequenceOfLeaf(checked), null, "the Merkle tree has " + leaves + " leaves but the store only "
                    + checked + " events: the events of leaves " + checked + " to " + (leaves - 1) + " were deleted");
        }
        return null;
    }

    /**
     * A signed digest's tree against the store: its events must all be there, and the tree of the first
     * {@code treeSize} events recomputed from them must have the digest's root. When it has not although every event
     * is its own leaf, the history was rewritten together with its tree (by someone with every key); the topic, where
     * every event was published as stored, then names the first event that is not what it was.
     */
    private Offending againstTheDigestsTree(Digest digest, TreeWalk tree, long checked, long after) {
        if (checked < digest.treeSize()) {
            return new Offending(after + 1, null, "the digest's tree had " + digest.treeSize() + " events, the store holds "
                    + checked + ": the newest events were deleted (from the one after sequence " + after + " on)");
        }
        if (MerkleHash.hex(tree.rootAtDigest()).equals(digest.rootHash())) {
            return null;
        }
        String rewritten = "the history and its Merkle tree were rewritten since the digest: the first " + digest.treeSize()
                + " events do not have its root";
        try {
            return topicCheck.firstDifference(tree.sequenceAtDigest())
                    .map(difference -> new Offending(difference.sequence(), difference.storedEventId(), difference.problem()
                            + "; " + rewritten))
                    .orElse(new Offending(null, null, rewritten + ", and the topic holds the same events (rewritten too, or "
                            + "published after the rewrite): no event can be named"));
        } catch (RuntimeException unreadable) {
            return new Offending(null, null, rewritten + "; the topic, which would name the first changed event, could not be "
                    + "read: " + unreadable.getMessage());
        }
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
