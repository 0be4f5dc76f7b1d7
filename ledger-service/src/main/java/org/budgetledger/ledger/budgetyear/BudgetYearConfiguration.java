package org.budgetledger.ledger.budgetyear;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BudgetYearConfiguration {

    /**
     * Keeps loaded budget years in memory while they are in use, so a posting does not re-read the whole
     * history of its unit-year. Axon evicts an aggregate whose unit of work rolls back, and the event
     * store's unique (aggregate, sequence) key catches a stale copy when several instances post.
     */
    @Bean
    Cache budgetYearCache() {
        return new WeakReferenceCache();
    }
}
