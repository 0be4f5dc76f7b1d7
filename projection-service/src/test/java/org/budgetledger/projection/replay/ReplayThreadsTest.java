package org.budgetledger.projection.replay;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The replays' threads as beans: named as before, daemons, and interrupted at once by the context's close. */
class ReplayThreadsTest {

    @Test
    void closing_the_context_interrupts_every_replay_thread_at_once() throws Exception {
        List<String> executors = List.of("replayWorker", "replayHelpers", "replayReader");
        Map<String, String> threadNames = new ConcurrentHashMap<>();
        Map<String, Boolean> interrupted = new ConcurrentHashMap<>();
        CountDownLatch running = new CountDownLatch(executors.size());
        long closedAtNanos;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ReplayThreads.class)) {
            for (String name : executors) {
                context.getBean(name, AsyncTaskExecutor.class).execute(() -> {
                    Thread thread = Thread.currentThread();
                    threadNames.put(name, thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
                    running.countDown();
                    try {
                        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                        interrupted.put(name, false);
                    } catch (InterruptedException stop) {
                        interrupted.put(name, true);
                    }
                });
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            closedAtNanos = System.nanoTime();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAtNanos)).isLessThan(5_000);
        assertThat(interrupted).containsOnlyKeys(executors).doesNotContainValue(false);
        assertThat(threadNames).containsExactlyInAnyOrderEntriesOf(Map.of("replayWorker", "replay (daemon)",
                "replayHelpers", "replay-helper (daemon)", "replayReader", "replay-reader (daemon)"));
    }
}
