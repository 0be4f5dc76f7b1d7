package org.budgetledger.projection.replay;

import org.springframework.core.task.AsyncTaskExecutor;

import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One replay's tasks on the shared helper threads ({@link ReplayThreads}): the parsers, then the comparers. They
 * are cancelled when the replay ends, as a failure leaves some undone.
 */
final class ReplayTasks {

    private final AsyncTaskExecutor helpers;
    private final Queue<Future<?>> submitted = new ConcurrentLinkedQueue<>();

    ReplayTasks(AsyncTaskExecutor helpers) {
        this.helpers = helpers;
    }

    <T> Future<T> submit(Callable<T> task) {
        Future<T> future = helpers.submit(task);
        submitted.add(future);
        return future;
    }

    /** No longer keeps a task that is done with (a replay parses millions of records). */
    void forget(Future<?> task) {
        submitted.remove(task);
    }

    void cancelAll() {
        submitted.forEach(task -> task.cancel(true));
    }

    /** The task's result, or its failure; a stopped replay fails. */
    static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was stopped", stop);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }
}
