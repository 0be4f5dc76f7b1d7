package org.budgetledger.platform.threads;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

/**
 * The product's own threads (group commit, snapshots, the event publisher, imports, replays), each a Spring
 * executor bean so that closing the context is their one shutdown path, and all stopped alike: the context's
 * lifecycle stop does not wait for a running task (Spring's default would hold every close for the whole stop
 * phase, 30 s, while a task runs); when the bean is destroyed, the running task is interrupted and awaited for
 * at most {@code stopWait}. A task that must end what it holds first (the event publisher's round) is ended by
 * its own lifecycle's stop, before that. Threads are daemons,
 * named as before: an operator's thread dump and the benchmarks' per-thread CPU find them by name.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /**
     * @param threadName    each thread's name (the same for every thread of the pool)
     * @param threads       how many run at once
     * @param queueCapacity tasks waiting beyond those running; more are refused ({@code TaskRejectedException})
     */
    public static ThreadPoolTaskExecutor executor(String threadName, int threads, int queueCapacity, Duration stopWait) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queueCapacity);
        executor.setThreadFactory(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setAcceptTasksAfterContextClose(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationMillis(stopWait.toMillis());
        return executor;
    }
}
