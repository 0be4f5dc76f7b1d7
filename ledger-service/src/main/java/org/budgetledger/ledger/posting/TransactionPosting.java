package org.budgetledger.ledger.posting;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.modelling.command.ConcurrencyException;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.DatabaseFailures;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * Posting transactions: one, or up to {@link BatchPosting#ITEMS_MAX} at once (a batch, the rows of an import),
 * each decided on its own state and on behalf of its own caller ({@link TransactionDecisions}), and answered with
 * a {@link PostingAnswer}. Items are decided and committed in groups ({@link PostingGroup}): a single POST is a
 * group of one.
 *
 * <p><b>Group commit.</b> Every commit takes the ledger's append lock and waits for its WAL flush under it, so
 * commits one by one cap single POSTs at the disk's flush rate. Single POSTs that arrive while a group is being
 * decided wait for the next group, decided on one thread ({@code groupCommitExecutor}), so the lock and the flush
 * are shared among all the POSTs that are waiting; a POST that finds nothing in progress is decided at once,
 * alone. Items of a batch or import are decided in groups of {@link #GROUP_SIZE}.
 *
 * <p>If a group cannot commit (a concurrent writer on another instance, a database failure, a row the database
 * refuses), nothing of it is stored and its items are decided again one by one, so that one item's rejection,
 * conflict or failure never becomes another's; an item that then fails for a reason of its own is answered with
 * that failure alone (500). Once an item fails for want of the database, that outage is thrown (503): the batch
 * or import stops, and single POSTs still waiting in the group are answered with it too, instead of each waiting
 * for it in turn.
 */
@Service
public class TransactionPosting {

    static final int GROUP_SIZE = 500;
    /** Single POSTs decided together, at most. */
    static final int WAITING_GROUP_MAX = 200;
    /** An all-or-nothing run that cannot commit (a concurrent writer, say) is decided again, this often at most. */
    static final int ALL_OR_NOTHING_ATTEMPTS_MAX = 3;
    /** A stale cached budget year (another instance appended first) is reloaded and decided again, this often at most. */
    static final int CONCURRENCY_ATTEMPTS_MAX = 5;

    private static final String COUNTER = "budgetledger.transactions";
    private static final Logger log = LoggerFactory.getLogger(TransactionPosting.class);
    private static final IntConsumer NO_PROGRESS = decided -> {
    };

    private record Waiting(PostingGroup.Item item, CompletableFuture<PostingAnswer> answer) {
    }

    private final PostingGroup groups;
    private final MeterRegistry meters;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();

    TransactionPosting(PostingGroup groups, MeterRegistry meters,
                       @Qualifier("groupCommitExecutor") TaskExecutor groupCommitExecutor) {
        this.groups = groups;
        this.meters = meters;
        groupCommitExecutor.execute(this::commitWaitingGroups);
    }

    /**
     * One transaction, decided with the single POSTs waiting beside it.
     *
     * @throws RuntimeException a database outage, answered as a request that found the database out of reach
     */
    public PostingAnswer post(TransactionRequest request, Caller caller) {
        Waiting posted = new Waiting(new PostingGroup.Item(new TransactionRequests.Readable(request), caller),
                new CompletableFuture<>());
        waiting.add(posted);
        try {
            return counted(request, posted.answer().join());
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /**
     * Decides the items in order, each as a single POST of it would be decided.
     *
     * @param allOrNothing store the accepted items only if no item is refused: all of them in one group
     * @param progress     told the number of items decided so far after each item (it starts again from the
     *                     first item of a group that is decided again)
     * @return one answer per item, in order
     */
    public List<PostingAnswer> post(List<TransactionRequests.Decoded> items, Caller caller, boolean allOrNothing,
                                    IntConsumer progress) {
        if (items.size() > BatchPosting.ITEMS_MAX) {
            throw new IllegalArgumentException(items.size() + " items; at most " + BatchPosting.ITEMS_MAX + " are decided at once");
        }
        List<PostingGroup.Item> all = items.stream().map(decoded -> new PostingGroup.Item(decoded, caller)).toList();
        PostingAnswer[] answers = new PostingAnswer[all.size()];
        if (allOrNothing) {
            for (int attempt = 1; ; attempt++) {
                Optional<RuntimeException> abandoned = groups.decide(all, 0, all.size(), true, progress, answers);
                if (abandoned.isEmpty()) {
                    break;
                }
                logAbandoned(all.size(), abandoned.get());
                if (attempt == ALL_OR_NOTHING_ATTEMPTS_MAX) {
                    throw new IllegalStateException("the items could not be committed together in "
                            + ALL_OR_NOTHING_ATTEMPTS_MAX + " attempts");
                }
            }
            return counted(items, answers);
        }
        for (int start = 0; start < all.size(); start += GROUP_SIZE) {
            int end = Math.min(start + GROUP_SIZE, all.size());
            Optional<RuntimeException> abandoned = groups.decide(all, start, end, false, progress, answers);
            if (abandoned.isPresent()) {
                logAbandoned(end - start, abandoned.get());
                for (int index = start; index < end; index++) {
                    answers[index] = alone(all.get(index));
                    progress.accept(index + 1);
                }
            }
        }
        return counted(items, answers);
    }

    /** The group-commit thread: decides whatever single POSTs are waiting, as one group, until the context closes. */
    private void commitWaitingGroups() {
        List<Waiting> group = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException interrupted) {
                break;
            }
            waiting.drainTo(group, WAITING_GROUP_MAX - 1);
            try {
                decideWaiting(group);
            } catch (RuntimeException | Error unexpected) {
                log.error("event=group_commit_failed size={}", group.size(), unexpected);
                group.forEach(posted -> posted.answer().completeExceptionally(unexpected));
            }
            group.clear();
        }
        ApiProblem stopped = new ApiProblem(ProblemCode.SERVICE_UNAVAILABLE, "the ledger is shutting down");
        waiting.forEach(posted -> posted.answer().completeExceptionally(stopped));
    }

    private void decideWaiting(List<Waiting> group) {
        if (group.size() > 1) {
            List<PostingGroup.Item> items = group.stream().map(Waiting::item).toList();
            PostingAnswer[] answers = new PostingAnswer[items.size()];
            Optional<RuntimeException> abandoned = groups.decide(items, 0, items.size(), false, NO_PROGRESS, answers);
            if (abandoned.isEmpty()) {
                for (int index = 0; index < group.size(); index++) {
                    group.get(index).answer().complete(answers[index]);
                }
                return;
            }
            logAbandoned(items.size(), abandoned.get());
        }
        RuntimeException outage = null;
        for (Waiting posted : group) {
            if (outage != null) {
                posted.answer().completeExceptionally(outage);
                continue;
            }
            try {
                posted.answer().complete(alone(posted.item()));
            } catch (RuntimeException failed) {
                // the database is gone (alone() answers any other failure as its item's own): the rest would
                // wait for it in turn, so they are answered alike
                outage = failed;
                posted.answer().completeExceptionally(failed);
            }
        }
    }

    /**
     * One item as a group of its own. A budget year that was stale in the cache (another instance appended
     * first), or a twin of the transaction committed meanwhile, is decided again: the budget year is then read
     * anew, the twin found. Any other failure is the item's answer, as a single POST would answer it; only a
     * database outage, which every other item would run into too, is thrown.
     */
    PostingAnswer alone(PostingGroup.Item item) {
        PostingAnswer[] answer = new PostingAnswer[1];
        for (int attempt = 1; ; attempt++) {
            Optional<RuntimeException> abandoned = groups.decide(List.of(item), 0, 1, false, NO_PROGRESS, answer);
            if (abandoned.isEmpty()) {
                return answer[0];
            }
            RuntimeException failed = abandoned.get();
            if (DatabaseFailures.isOutage(failed)) {
                throw failed;
            }
            boolean concurrent = PostingGroup.causedBy(failed, ConcurrencyException.class, DuplicateKeyException.class);
            if (!concurrent || attempt == CONCURRENCY_ATTEMPTS_MAX) {
                return new PostingAnswer.Refused(item.id(), ProblemResponses.unexpectedProblem(failed).rejection());
            }
            log.info("event=posting_retried id={} attempt={} reason=concurrent_append", item.id(), attempt);
        }
    }

    private static void logAbandoned(int size, RuntimeException failed) {
        log.info("event=batch_group_abandoned size={} reason=\"{}\"", size, failed.toString());
    }

    /**
     * Counts a transaction once, by its final answer ({@code budgetledger.transactions}): a transaction decided
     * again (its group could not commit, a twin committed meanwhile) is counted as it was answered, and one
     * withdrawn with its all-or-nothing run stored nothing and was refused nothing of its own.
     */
    private PostingAnswer counted(TransactionRequest request, PostingAnswer answer) {
        String type = TransactionDecisions.typeTag(request);
        if (answer instanceof PostingAnswer.Accepted accepted) {
            meters.counter(COUNTER, "type", type, "outcome", accepted.created() ? "accepted" : "repeated", "code", "none")
                    .increment();
        } else if (answer instanceof PostingAnswer.Refused refused) {
            meters.counter(COUNTER, "type", type, "outcome", "rejected", "code", refused.rejection().code().name())
                    .increment();
        }
        return answer;
    }

    /** The answers of readable items counted (an unreadable item was never a transaction), as a list. */
    private List<PostingAnswer> counted(List<TransactionRequests.Decoded> items, PostingAnswer[] answers) {
        for (int index = 0; index < answers.length; index++) {
            if (items.get(index) instanceof TransactionRequests.Readable readable) {
                counted(readable.request(), answers[index]);
            }
        }
        return Arrays.asList(answers);
    }
}
