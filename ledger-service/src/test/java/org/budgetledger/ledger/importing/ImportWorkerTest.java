package org.budgetledger.ledger.importing;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.task.TaskExecutor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import worker as a bean: one thread, ten imports waiting at most, stopped by the context's close. */
class ImportWorkerTest {

    @Test
    void one_import_runs_ten_wait_the_next_is_refused_and_closing_the_context_stops_the_running_one() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<String> threadName = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        AtomicInteger waitingRan = new AtomicInteger();
        long closedAtNanos;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ImportWorkerConfiguration.class)) {
            TaskExecutor worker = context.getBean("importWorker", TaskExecutor.class);
            worker.execute(() -> {
                threadName.set(Thread.currentThread().getName());
                running.countDown();
                try {
                    new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                    interrupted.set(false);
                } catch (InterruptedException stop) {
                    interrupted.set(true);
                }
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            for (int queued = 0; queued < 10; queued++) {
                worker.execute(waitingRan::incrementAndGet);
            }
            assertThatThrownBy(() -> worker.execute(waitingRan::incrementAndGet))
                    .isInstanceOf(RejectedExecutionException.class);
            closedAtNanos = System.nanoTime();
        }
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAtNanos);
        // at once: not after the lifecycle's stop phase has waited for the running import (10 s here, 30 s in Boot)
        assertThat(closeMillis).isLessThan(5_000);
        // the close interrupted the running import, waited for it, and dropped the waiting ones
        assertThat(interrupted.get()).isTrue();
        assertThat(waitingRan.get()).isZero();
        assertThat(threadName.get()).isEqualTo("import-worker");
    }
}
