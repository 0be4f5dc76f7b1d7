package org.budgetledger.ledger.posting;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.budgetledger.web.DatabaseFailures;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Consecutive items decided together in one unit of work and one database transaction: one commit, one
 * append lock and one WAL flush for all of them ({@link TransactionPosting}). One query finds the group's
 * earlier acceptances, one statement inserts the idempotency records of what it accepted, before the commit
 * appends the events (which refer to them), and one query reads the sequences of the stored events.
 *
 * <p>Items are decided in order against the state the earlier ones left; a refused item stores nothing (its
 * budget year applies nothing) and the group goes on. An item that fails for a reason of its own (a bug it runs
 * into) rolls the group back and gets that failure as its answer, and the group is decided again without it.
 * Anything else that goes wrong (a concurrent writer, a deadlock, a row the database refuses, an outage) rolls
 * the whole group back and is returned. A rollback evicts the budget years the group touched from Axon's cache
 * (each command's unit of work is nested in the group's and rolls back with it), so no state of a rolled-back
 * item outlives it.
 */
@Component
class PostingGroup {

    private static final Logger log = LoggerFactory.getLogger(PostingGroup.class);

    /** An item to decide on behalf of its caller: its request, or why it could not be read. */
    record Item(TransactionRequests.Decoded decoded, Caller caller) {
        /** The transaction; null when the item could not be read. */
        TransactionRequest request() {
            return decoded instanceof TransactionRequests.Readable readable ? readable.request() : null;
        }

        /** The transaction's id; null when the item could not be read. */
        String id() {
            return request() == null ? null : request().id();
        }
    }

    private final TransactionDecisions decisions;
    private final PostedTransactions postedTransactions;
    private final TransactionManager transactionManager;

    PostingGroup(TransactionDecisions decisions, PostedTransactions postedTransactions,
                 TransactionManager transactionManager) {
        this.decisions = decisions;
        this.postedTransactions = postedTransactions;
        this.transactionManager = transactionManager;
    }

    /**
     * Decides items [start, end) together, again without an item that failed on its own (at most once per item).
     *
     * @param allOrNothing store the accepted items only if none is refused (every item is decided even so, so
     *                     that every refusal is reported); else they are {@link PostingAnswer.Withdrawn}
     * @param progress     told the number of items decided so far after each item
     * @return empty once the answers of [start, end) are set; else the failure that rolled the group back, and
     *         nothing of it was stored and no answer was set
     */
    Optional<RuntimeException> decide(List<Item> items, int start, int end, boolean allOrNothing, IntConsumer progress,
                                      PostingAnswer[] answers) {
        PostingAnswer[] failedAlone = new PostingAnswer[end - start];
        Attempt attempt;
        do {
            attempt = attempt(items, start, end, allOrNothing, progress, answers, failedAlone);
        } while (attempt.itemFailed());
        return Optional.ofNullable(attempt.abandonedBy());
    }

    /** How one attempt ended: decided, one item failed on its own (decide again), or abandoned by a failure. */
    private record Attempt(boolean itemFailed, RuntimeException abandonedBy) {
        static final Attempt DECIDED = new Attempt(false, null);
        static final Attempt ITEM_FAILED = new Attempt(true, null);
    }

    private Attempt attempt(List<Item> items, int start, int end, boolean allOrNothing, IntConsumer progress,
                            PostingAnswer[] results, PostingAnswer[] failedAlone) {
        List<TransactionDecisions.Acceptance> accepted = new ArrayList<>();
        List<Integer> acceptedAt = new ArrayList<>(); // their places in the group
        PostingAnswer[] answers = failedAlone.clone();
        boolean withdrawn;
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            // one query for the group's earlier acceptances, kept up to date with what the group accepts
            Map<PostedTransactions.Key, PostedTransactions.Stored> earlier = postedTransactions.findAll(
                    items.subList(start, end).stream().map(Item::request)
                            .filter(request -> request != null && request.id() != null)
                            .map(request -> new PostedTransactions.Key(request.unit(), request.id())).toList());
            for (int index = start; index < end; index++) {
                if (failedAlone[index - start] == null) {
                    Item item = items.get(index);
                    Optional<PostingAnswer> failedOnItsOwn = decide(item, earlier, answers, index - start, accepted, acceptedAt);
                    if (failedOnItsOwn.isPresent()) {
                        unitOfWork.rollback();
                        failedAlone[index - start] = failedOnItsOwn.get();
                        return Attempt.ITEM_FAILED;
                    }
                }
                progress.accept(index + 1);
            }
            withdrawn = allOrNothing && accepted.size() < end - start;
            if (withdrawn) {
                unitOfWork.rollback();
            } else {
                // before the events, which the commit appends and which refer to these records
                postedTransactions.insertAll(accepted.stream().map(TransactionDecisions.Acceptance::record)
                        .filter(record -> record != null).toList());
                unitOfWork.commit();
            }
        } catch (RuntimeException failed) {
            // a concurrent writer, a deadlock between groups, a database failure: the caller decides again
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failed);
            }
            return new Attempt(false, failed);
        }
        if (withdrawn) {
            acceptedAt.forEach(at -> answers[at] = new PostingAnswer.Withdrawn(items.get(start + at).id()));
        } else {
            Map<PostedTransactions.Key, List<Long>> sequences = postedTransactions.sequencesOf(accepted.stream()
                    .map(TransactionDecisions.Acceptance::key).toList());
            for (int n = 0; n < accepted.size(); n++) {
                answers[acceptedAt.get(n)] = answer(accepted.get(n), sequences.getOrDefault(accepted.get(n).key(), List.of()));
            }
        }
        System.arraycopy(answers, 0, results, start, answers.length);
        return Attempt.DECIDED;
    }

    /**
     * Decides one item of the group: a refusal is its answer at {@code at}, its place in the group; an acceptance
     * is kept, with its place, for the commit.
     *
     * @return the item's answer if it failed for a reason of its own (then the group is decided again without it)
     * @throws RuntimeException a failure that is not the item's own
     */
    private Optional<PostingAnswer> decide(Item item, Map<PostedTransactions.Key, PostedTransactions.Stored> earlier,
                                           PostingAnswer[] answers, int at, List<TransactionDecisions.Acceptance> accepted,
                                           List<Integer> acceptedAt) {
        if (item.decoded() instanceof TransactionRequests.Unreadable unreadable) {
            answers[at] = new PostingAnswer.Refused(null, unreadable.rejection());
            return Optional.empty();
        }
        TransactionDecisions.Decided decided;
        try {
            decided = decisions.decide(item.request(), item.caller(), earlier);
        } catch (RuntimeException failed) {
            if (!itsOwn(failed)) {
                throw failed;
            }
            log.info("event=batch_group_redecided size={} without={} reason=\"{}\"", answers.length, item.id(),
                    failed.toString().replace('"', '\''));
            return Optional.of(new PostingAnswer.Refused(item.id(),
                    ProblemResponses.unexpectedProblem(failed).rejection()));
        }
        if (decided instanceof TransactionDecisions.Acceptance acceptance) {
            earlier.putIfAbsent(acceptance.key(), acceptance.stored());
            accepted.add(acceptance);
            acceptedAt.add(at);
        } else {
            answers[at] = new PostingAnswer.Refused(item.id(), ((TransactionDecisions.Refusal) decided).rejection());
        }
        return Optional.empty();
    }

    /** The answer to an accepted transaction, once its events are stored. */
    private static PostingAnswer answer(TransactionDecisions.Acceptance acceptance, List<Long> sequence) {
        PostingResult result = PostingResult.accepted(acceptance.id(), acceptance.type(), sequence, acceptance.lineId());
        if (acceptance.created()) {
            log.info("event=transaction_accepted id={} type={} unit={} year={} sequence={}", result.id(), result.type(),
                    acceptance.unit(), acceptance.year(), result.sequence());
        }
        return new PostingAnswer.Accepted(acceptance.created(), result);
    }

    /**
     * Whether a failure while deciding an item is the item's own (a bug it runs into, a value the database
     * refuses), not the database's or the moment's (an outage, a concurrent writer, a deadlock), after which
     * the whole group is decided again one by one.
     */
    private static boolean itsOwn(RuntimeException failed) {
        return !causedBy(failed, ConcurrencyException.class, TransientDataAccessException.class)
                && !DatabaseFailures.isOutage(failed);
    }

    /** Whether the failure, or any failure under it however deeply wrapped, is of one of these kinds. */
    static boolean causedBy(Throwable failure, Class<?>... kinds) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> kind : kinds) {
                if (kind.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
