package org.budgetledger.ledger.posting;

import org.budgetledger.platform.threads.WorkerThreads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class PostingConfiguration {

    /**
     * The group-commit thread ({@link TransactionPosting}): one task, running until the context closes. Closing
     * interrupts it (POSTs still waiting are answered 503) and waits for the group it is deciding to end.
     */
    @Bean
    ThreadPoolTaskExecutor groupCommitExecutor() {
        return WorkerThreads.executor("group-commit", 1, 0, Duration.ofSeconds(10));
    }
}
