package org.budgetledger.ledger.budgetyear.storage;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.budgetledger.ledger.budgetyear.PostingCommandTargets;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.budgetledger.platform.threads.WorkerThreads;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSettings.class)
class BudgetYearConfiguration {

    /**
     * Keeps the most recently used budget years in memory, so a posting does not re-read the whole history
     * of its unit-year. A bounded cache of strong references: a weak-reference cache lost them at every
     * garbage collection, and each loss cost a full re-read (BENCHMARKS.md). Axon evicts an aggregate whose
     * unit of work rolls back, and the event store's unique (aggregate, sequence) key catches a stale copy
     * when several instances post.
     */
    @Bean(destroyMethod = "close")
    CacheManager budgetYearCacheManager(LedgerSettings settings) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("budget-years", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(settings.ledger().budgetYearCacheEntries())))
                .build(true);
    }

    @Bean
    Cache budgetYearCache(CacheManager budgetYearCacheManager) {
        return new EhCache3Adapter((Ehcache<Object, Object>) budgetYearCacheManager.getCache("budget-years", Object.class, Object.class));
    }

    /**
     * A budget year that is not in memory (after a restart, or evicted from the cache) is loaded from its
     * latest snapshot and the events after it, so the cost of its first posting no longer grows with its
     * history (a 200,000-event unit-year took 4.6 s to read whole, about 23 µs an event). With a snapshot
     * every {@code events} events, at most that many are read. Why 250: in a JVM just started each event
     * costs several times 23 µs (nothing is compiled yet); benchmark trials at 50,000 events, on a machine
     * busy with other work, took 0.1–0.7 s for a first posting that read 990 events after the snapshot,
     * against 78 ms with none. Fewer events between snapshots cost more snapshots, each a few KB written
     * on the snapshot thread; every event is read once more by that thread anyway.
     *
     * <p>A snapshot holds the lines, commitments (a few hundred bytes each), balances, 三公 limits and spending and what was refunded of each refunded
     * payment: a few KB for a hundred lines (about 250 bytes a line, 30 a refunded payment). Not the payments, which a busy unit-year has a million of: as JSON they are about
     * 114 MB, which Jackson read back in 1.8–2.0 s on the benchmark machine, and even a hand-written binary
     * form (45 MB) took 0.46–0.92 s to decode, before PostgreSQL had sent it: over the 500 ms a first
     * posting may take. So a refund looks its payment up in the store instead ({@link org.budgetledger.ledger.budgetyear.StoredPayments}).
     *
     * <p>Axon's snapshotter reads the previous snapshot and the events since, and writes the new snapshot,
     * on a thread of its own after the posting committed: the posting does not wait for it. {@code 0} takes
     * no snapshots.
     */
    @Bean
    SnapshotTriggerDefinition budgetYearSnapshotTrigger(Snapshotter budgetYearSnapshotter,
                                                        LedgerSettings settings) {
        int events = settings.ledger().budgetYearSnapshotEvents();
        return events > 0 ? new EventCountSnapshotTriggerDefinition(budgetYearSnapshotter, events)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    /** Posting commands routed to their budget year without a reflective look-up per command ({@link PostingCommandTargets}). */
    @Bean
    CommandTargetResolver budgetYearCommandTargets() {
        return new PostingCommandTargets();
    }

    /** Axon's snapshotter as Spring Boot configures it, but taking snapshots on a thread of its own. */
    @Bean
    SpringAggregateSnapshotter budgetYearSnapshotter(org.axonframework.config.Configuration configuration,
                                                     HandlerDefinition handlerDefinition,
                                                     ParameterResolverFactory parameterResolverFactory,
                                                     EventStore eventStore, TransactionManager transactionManager,
                                                     SnapshotterSpanFactory spanFactory,
                                                     ThreadPoolTaskExecutor budgetYearSnapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(budgetYearSnapshotExecutor)
                .build();
    }

    /**
     * The thread snapshots are taken on, one after the other. Its queue holds at most one snapshot per budget
     * year: Axon does not schedule a second one for an aggregate while the first is pending. Closing the context
     * drops the snapshots still waiting and interrupts the one being taken (a snapshot only saves reading events:
     * the next posting to that year asks for it again), and waits for it to end.
     */
    @Bean
    ThreadPoolTaskExecutor budgetYearSnapshotExecutor() {
        return WorkerThreads.executor("budget-year-snapshots", 1, Integer.MAX_VALUE, Duration.ofSeconds(10));
    }
}
