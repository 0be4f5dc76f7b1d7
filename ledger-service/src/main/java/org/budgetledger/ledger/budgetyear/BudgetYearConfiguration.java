package org.budgetledger.ledger.budgetyear;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BudgetYearConfiguration {

    /**
     * Keeps the most recently used budget years in memory, so a posting does not re-read the whole history
     * of its unit-year. A bounded cache of strong references: a weak-reference cache lost them at every
     * garbage collection, and each loss cost a full re-read (BENCHMARKS.md). Axon evicts an aggregate whose
     * unit of work rolls back, and the event store's unique (aggregate, sequence) key catches a stale copy
     * when several instances post.
     */
    @Bean(destroyMethod = "close")
    CacheManager budgetYearCacheManager(@Value("${budgetledger.ledger.budget-year-cache-entries}") long entries) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("budget-years", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(entries)))
                .build(true);
    }

    @Bean
    Cache budgetYearCache(CacheManager budgetYearCacheManager) {
        return new EhCache3Adapter((Ehcache<Object, Object>) budgetYearCacheManager.getCache("budget-years", Object.class, Object.class));
    }
}
