package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Single POSTs committed together: the POSTs that arrive while a group is being decided wait for the next
 * group, and each group is decided as a batch group is ({@link BatchPosting}), each item on behalf of its
 * own caller, in one database transaction and one commit.
 *
 * <p>Every commit takes the ledger's append lock and waits for its WAL flush under it, so commits one by
 * one cap single POSTs at the disk's flush rate. Grouping shares the lock and the flush among all the POSTs
 * that are waiting, and adds no wait of its own: a POST that arrives when nothing is being decided is
 * decided at once, alone. A POST that fails for a reason of its own (a bug it runs into, a value the
 * database refuses) is answered with that failure alone; the others are decided as if it had not been
 * there ({@link BatchPosting}). If a group cannot commit, its POSTs are decided again one by one, so that
 * one POST's rejection, conflict or failure never becomes another's; once one of them fails for want of the
 * database, the rest are answered with that outage too instead of each waiting for it in turn.
 */
@Service
class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int GROUP_MAX = 200;

    private record Waiting(TransactionRequest request, Caller caller, CompletableFuture<BatchPosting.Answer> answer) {
    }

    private final BatchPosting batchPosting;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean stopping;

    GroupCommit(BatchPosting batchPosting) {
        this.batchPosting = batchPosting;
        this.worker = new Thread(this::work, "group-commit");
        worker.setDaemon(true);
        worker.start();
    }

    /** Decides the transaction with whatever else is waiting; answers as a single POST answers. */
    PostingService.Outcome post(TransactionRequest request, Caller caller) {
        CompletableFuture<BatchPosting.Answer> answer = new CompletableFuture<>();
        queue.add(new Waiting(request, caller, answer));
        BatchPosting.Answer decided;
        try {
            decided = answer.join();
        } catch (CompletionException failed) {
            // a database outage, say: thrown here so that it is answered as it would be without grouping
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
        if (decided instanceof BatchPosting.Rejected rejected) {
            throw rejected.problem();
        }
        return ((BatchPosting.Accepted) decided).outcome();
    }

    private void work() {
        List<Waiting> group = new ArrayList<>();
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException interrupted) {
                break;
            }
            queue.drainTo(group, GROUP_MAX - 1);
            try {
                decide(group);
            } catch (RuntimeException | Error unexpected) {
                log.error("event=group_commit_failed size={}", group.size(), unexpected);
                group.forEach(waiting -> waiting.answer().completeExceptionally(unexpected));
            }
            group.clear();
        }
        ApiProblem stopped = new ApiProblem(ProblemCode.SERVICE_UNAVAILABLE, "the ledger is shutting down");
        queue.forEach(waiting -> waiting.answer().completeExceptionally(stopped));
    }

    private void decide(List<Waiting> group) {
        Optional<List<BatchPosting.Answer>> answers = Optional.empty();
        if (group.size() > 1) {
            answers = batchPosting.decideTogether(
                    group.stream().map(waiting -> BatchPosting.Parsed.readable(waiting.request())).toList(),
                    group.stream().map(Waiting::caller).toList());
        }
        if (answers.isPresent()) {
            for (int index = 0; index < group.size(); index++) {
                group.get(index).answer().complete(answers.get().get(index));
            }
            return;
        }
        RuntimeException outage = null;
        for (Waiting waiting : group) {
            if (outage != null) {
                waiting.answer().completeExceptionally(outage);
                continue;
            }
            try {
                waiting.answer().complete(batchPosting.alone(BatchPosting.Parsed.readable(waiting.request()), waiting.caller()));
            } catch (RuntimeException failed) {
                // the database is gone (alone() answers any other failure as its item's own): the rest would
                // wait for it in turn, so they are answered alike
                outage = failed;
                waiting.answer().completeExceptionally(failed);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.interrupt();
        worker.join(10_000);
    }
}
