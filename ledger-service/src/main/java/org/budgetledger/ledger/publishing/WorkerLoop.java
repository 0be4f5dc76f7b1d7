package org.budgetledger.ledger.publishing;

import org.springframework.core.task.TaskExecutor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A publisher's one loop on its worker thread (a Spring-managed executor): {@link #start} runs the body, which
 * repeats while {@link #running()} and waits with {@link #pause}; {@link #stop} ends it after the round in flight
 * and returns once it has ended — the producer factory, a lifecycle bean too, closes its producer after that, and a
 * round cut off by it would be published again — and interrupts a round still running after the stop wait.
 */
final class WorkerLoop {

    private final TaskExecutor worker;
    private final Duration stopWait;

    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);
    private volatile Thread thread;

    WorkerLoop(TaskExecutor worker, Duration stopWait) {
        this.worker = worker;
        this.stopWait = stopWait;
    }

    void start(Runnable body) {
        running = true;
        stopping = new CountDownLatch(1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        ended = done;
        worker.execute(() -> {
            thread = Thread.currentThread();
            try {
                body.run();
            } finally {
                thread = null;
                done.complete(null);
            }
        });
    }

    /** @return false when the round in flight outlived the stop wait and was interrupted */
    boolean stop() {
        running = false;
        stopping.countDown();
        try {
            ended.get(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            Thread late = thread;
            if (late != null) {
                late.interrupt();
                return false;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            // the body handles its own failures
        }
        return true;
    }

    boolean running() {
        return running;
    }

    /** Waits, unless the loop is stopped meanwhile; an interrupt stops it. */
    void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
