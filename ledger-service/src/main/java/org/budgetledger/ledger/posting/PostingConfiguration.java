package org.budgetledger.ledger.posting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PostingConfiguration {

    /**
     * The group-commit thread ({@link TransactionPosting}): one task, running until the context closes. Closing
     * interrupts it (POSTs still waiting are answered 503) and waits for the group it is deciding to end.
     */
    @Bean
    ThreadPoolTaskExecutor groupCommitExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(0);
        executor.setThreadNamePrefix("group-commit-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
