package org.budgetledger.ledger.importing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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
        ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();
        worker.setCorePoolSize(1);
        worker.setMaxPoolSize(1);
        worker.setQueueCapacity(QUEUED_MAX);
        worker.setThreadFactory(work -> new Thread(work, "import-worker"));
        worker.setWaitForTasksToCompleteOnShutdown(false);
        // interrupted when the context is destroyed, not first awaited for the lifecycle's whole stop phase
        worker.setAcceptTasksAfterContextClose(true);
        worker.setAwaitTerminationSeconds(STOP_WAIT_SECONDS);
        return worker;
    }
}
