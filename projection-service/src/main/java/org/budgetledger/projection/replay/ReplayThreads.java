package org.budgetledger.projection.replay;

import org.budgetledger.platform.threads.WorkerThreads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

/**
 * The replays' threads as Spring-managed executors, so that the context's close is their one shutdown path:
 * it interrupts the running replay (which then fails, and drops its scratch schema) and waits for it to stop
 * before the database goes; replays still waiting are dropped (their states are kept in memory only).
 */
@Configuration(proxyBeanMethods = false)
class ReplayThreads {

    /** Threads that parse the records, then compare the unit-years: one per core. */
    static final int HELPERS = Runtime.getRuntime().availableProcessors();
    static final int STOP_WAIT_SECONDS = 10;

    /** Runs the replays one at a time, in the order they were asked for ({@link Replays#WAITING_MAX} bounds the queue). */
    @Bean
    ThreadPoolTaskExecutor replayWorker() {
        return executor("replay", 1);
    }

    /** Parses each poll's worth of records, then compares the unit-years, for the running replay. */
    @Bean
    ThreadPoolTaskExecutor replayHelpers() {
        return executor("replay-helper", HELPERS);
    }

    /** Reads the topic for the running replay, ahead of the thread that writes the scratch model. */
    @Bean
    ThreadPoolTaskExecutor replayReader() {
        return executor("replay-reader", 1);
    }

    private static ThreadPoolTaskExecutor executor(String threadName, int threads) {
        return WorkerThreads.executor(threadName, threads, Integer.MAX_VALUE, Duration.ofSeconds(STOP_WAIT_SECONDS));
    }
}
