package org.budgetledger.ledger.importing;

import org.budgetledger.platform.threads.WorkerThreads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

/**
 * The one thread that decides imported rows ({@link VoucherImports}), as a Spring-managed executor: the
 * context's close is its one shutdown path. It interrupts the running import and drops the waiting ones (in
 * mode {@code all} an import cut short stores nothing; in mode {@code valid} the groups it committed stay,
 * and importing the file again completes it), then waits for the import to stop, before the database goes.
 */
@Configuration(proxyBeanMethods = false)
class ImportWorkerConfiguration {

    /** Imports waiting for the worker; beyond them the answer is 503. */
    static final int QUEUED_MAX = 10;
    static final int STOP_WAIT_SECONDS = 10;

    @Bean
    ThreadPoolTaskExecutor importWorker() {
        return WorkerThreads.executor("import-worker", 1, QUEUED_MAX, Duration.ofSeconds(STOP_WAIT_SECONDS));
    }
}
