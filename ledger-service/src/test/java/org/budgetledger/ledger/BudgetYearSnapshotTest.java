package org.budgetledger.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.budgetyear.BudgetYearId;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.TransactionPosting;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.budgetledger.web.security.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.budgetledger.ledger.units.Unit;
import org.budgetledger.ledger.units.UnitRegister;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budget years are snapshotted every few events ({@code budgetledger.ledger.budget-year-snapshot-events}),
 * and a budget year that is not in memory is loaded from its latest snapshot plus the events after it; a
 * snapshot the ledger did not seal itself is not used.
 */
class BudgetYearSnapshotTest {

    private static final int SNAPSHOT_EVENTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext ledger;

    private static synchronized ConfigurableApplicationContext ledger() {
        if (ledger == null) {
            // as production runs it: the application's role, migrating as the schemas' owner
            Map<String, Object> properties = new HashMap<>(SharedInfrastructure.properties());
            properties.putAll(TestUsers.keys());
            ledger = new SpringApplicationBuilder(LedgerServiceApplication.class, EventReadsCounting.class)
                    .web(WebApplicationType.NONE)
                    .properties(properties)
                    // an argument: the ledger's own defaults take precedence over the builder's properties
                    .run("--budgetledger.ledger.budget-year-snapshot-events=" + SNAPSHOT_EVENTS);
        }
        return ledger;
    }

    private static synchronized void restart() {
        ledger.close();
        ledger = null;
        ledger();
    }

    @AfterAll
    static synchronized void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void after_a_restart_a_budget_year_is_loaded_from_its_snapshot_and_the_events_after_it() {
        String unit = newUnit();
        String year = BudgetYearId.of(unit, 2023);
        String line = unit + "-a1";
        post(Tx.appropriate(line, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 1; n <= 13; n++) {
            post(Tx.pay(unit + "-p" + n, unit, 2023, line, "30201", "10.00"));
            if ((n + 1) % SNAPSHOT_EVENTS == 0) {
                // Axon skips a snapshot asked for while the budget year's last one is still being taken
                long sequence = n;
                await().atMost(Duration.ofSeconds(30)).until(() -> newestSnapshot(year).orElse(-1L) == sequence);
            }
        }
        post(refund(unit + "-r1", unit, unit + "-p1", "4.00"));
        // the 15th event triggered a snapshot, and nothing is posted until it is stored: it is at sequence 14
        await().atMost(Duration.ofSeconds(30)).until(() -> newestSnapshot(year).orElse(-1L) == 14);
        post(Tx.pay(unit + "-p14", unit, 2023, line, "30201", "10.00"));
        post(Tx.pay(unit + "-p15", unit, 2023, line, "30201", "10.00"));

        restart();

        // p1 is older than the snapshot: the refund finds it in the store, and what was refunded in the snapshot
        post(refund(unit + "-r2", unit, unit + "-p1", "6.00"));
        assertThat(rejection(refund(unit + "-r3", unit, unit + "-p1", "0.01"))).isEqualTo(ProblemCode.REFUND_EXCEEDS_PAYMENT);
        assertThat(rejection(refund(unit + "-r4", unit, line, "0.01"))).isEqualTo(ProblemCode.UNKNOWN_PAYMENT);
        // 150.00 paid, 10.00 refunded: 860.00 available
        assertThat(rejection(Tx.pay(unit + "-p90", unit, 2023, line, "30201", "860.01")))
                .isEqualTo(ProblemCode.INSUFFICIENT_BALANCE);
        post(Tx.pay(unit + "-p91", unit, 2023, line, "30201", "860.00"));

        EventReadsCounting.Read load = ledger.getBean(EventReadsCounting.class).reads().stream()
                .filter(read -> read.aggregate().equals(year)).findFirst().orElseThrow();
        assertThat(load.snapshotSequence()).as("the snapshot the budget year was loaded from").isEqualTo(14);
        assertThat(load.firstSequence()).isEqualTo(15);
        assertThat(load.events().get()).as("events read after the snapshot").isEqualTo(2);
    }

    @Test
    void a_snapshot_changed_in_the_database_is_not_used() {
        String unit = newUnit();
        String year = BudgetYearId.of(unit, 2023);
        String line = unit + "-a1";
        post(Tx.appropriate(line, unit, 2023, "GENERAL_BUDGET", "100.00"));
        for (int n = 1; n < SNAPSHOT_EVENTS; n++) {
            post(Tx.pay(unit + "-p" + n, unit, 2023, line, "30201", "10.00"));
        }
        // the fifth event triggered the only snapshot, and nothing was posted after it
        await().atMost(Duration.ofSeconds(30)).until(() -> newestSnapshot(year).orElse(-1L) == SNAPSHOT_EVENTS - 1);
        // as the superuser: the ledger's own role may write and delete snapshots, not change them
        int changed = JdbcClient.create(SharedInfrastructure.superuser()).sql("""
                        UPDATE ledger.snapshot_event_entry
                        SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"100.00"', '"900.00"'), 'UTF8')
                        WHERE aggregateIdentifier = ? AND position('"100.00"' in convert_from(payload, 'UTF8')) > 0""")
                .param(year).update();
        assertThat(changed).as("snapshots given a larger budget").isEqualTo(1);
        ledger().getBean("budgetYearCache", Cache.class).remove(year);

        // 40.00 of 100.00 paid: the changed snapshot would allow 860.00
        assertThat(rejection(Tx.pay(unit + "-p99", unit, 2023, line, "30201", "60.01")))
                .isEqualTo(ProblemCode.INSUFFICIENT_BALANCE);
        post(Tx.pay(unit + "-p100", unit, 2023, line, "30201", "60.00"));
    }

    @Test
    void a_refund_of_a_payment_older_than_the_snapshot_carries_the_payments_counterparty() throws Exception {
        String unit = newUnit();
        String affiliate = newUnit();
        String year = BudgetYearId.of(unit, 2023);
        String line = unit + "-s1";
        Map<String, Object> subsidies = Tx.appropriate(line, unit, 2023, "OTHER", "1000.00");
        subsidies.put("kind", "SUBSIDY_AFFILIATE");
        post(subsidies);
        Map<String, Object> subsidy = Tx.pay(unit + "-p1", unit, 2023, line, "39999", "100.00");
        subsidy.put("counterparty", affiliate);
        post(subsidy);
        for (int n = 2; n < SNAPSHOT_EVENTS; n++) {
            post(Tx.pay(unit + "-p" + n, unit, 2023, line, "39999", "1.00"));
        }
        // the fifth event triggered the only snapshot; a snapshot holds no payments, so p1 is only in the store
        await().atMost(Duration.ofSeconds(30)).until(() -> newestSnapshot(year).orElse(-1L) == SNAPSHOT_EVENTS - 1);
        ledger().getBean("budgetYearCache", Cache.class).remove(year);

        post(refund(unit + "-r1", unit, unit + "-p1", "40.00"));

        EventReadsCounting.Read load = ledger.getBean(EventReadsCounting.class).reads().stream()
                .filter(read -> read.aggregate().equals(year)).reduce((first, last) -> last).orElseThrow();
        assertThat(load.snapshotSequence()).as("the snapshot the budget year was loaded from").isEqualTo(SNAPSHOT_EVENTS - 1);
        byte[] refunded = jdbc().sql("SELECT payload FROM ledger.domain_event_entry WHERE transaction_id = ?")
                .param(unit + "-r1").query(byte[].class).single();
        assertThat(JSON.readTree(refunded).path("counterparty").asText()).isEqualTo(affiliate);
    }

    @Test
    void the_snapshot_thread_leaves_spring_boots_task_executor_in_place() {
        // an Executor bean of the ledger's own would make Spring Boot leave out its applicationTaskExecutor
        assertThat(ledger().containsBean("applicationTaskExecutor")).isTrue();
    }

    private static String newUnit() {
        String unit = "S" + UUID.randomUUID().toString().substring(0, 8);
        ledger().getBean(UnitRegister.class).register(new Unit(unit, "快照测试"), "snapshot-test");
        return unit;
    }

    private static Optional<Long> newestSnapshot(String year) {
        return jdbc().sql("SELECT max(sequenceNumber) FROM ledger.snapshot_event_entry WHERE aggregateIdentifier = ?")
                .param(year).query(Long.class).optional();
    }

    private static JdbcClient jdbc() {
        return ledger().getBean(JdbcClient.class);
    }

    private static Map<String, Object> refund(String id, String unit, String payment, String amount) {
        return Tx.of("REFUND", id, unit, 2023, "2023-07-01", "payment", payment, "amount", amount);
    }

    /** Posts a transaction that must be accepted (a rejection was thrown at the test before decisions were values). */
    private static void post(Map<String, Object> body) {
        assertThat(answer(body)).as("%s", body).isInstanceOf(PostingAnswer.Accepted.class);
    }

    private static PostingAnswer answer(Map<String, Object> body) {
        return ledger().getBean(TransactionPosting.class).post(JSON.convertValue(body, TransactionRequest.class),
                Caller.system("snapshot-test"));
    }

    private static ProblemCode rejection(Map<String, Object> body) {
        PostingAnswer answer = answer(body);
        assertThat(answer).as("%s", body).isInstanceOf(PostingAnswer.Refused.class);
        return ((PostingAnswer.Refused) answer).rejection().code();
    }

    /**
     * Wraps the event store's storage engine to record, for each read of an aggregate's events, the snapshot
     * it started from and how many events it read.
     */
    /** Not a {@code @Component}: the ledger's component scan would find it in every test's context. */
    static class EventReadsCounting implements BeanPostProcessor {

        record Read(String aggregate, long snapshotSequence, long firstSequence, AtomicLong events) {
        }

        private final List<Read> reads = new CopyOnWriteArrayList<>();
        /** The sequence of the snapshot this thread read last; the event store reads the events after it next. */
        private final ThreadLocal<Long> snapshotRead = new ThreadLocal<>();

        List<Read> reads() {
            return reads;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof EventStorageEngine engine ? wrap(engine) : bean;
        }

        EventStorageEngine wrap(EventStorageEngine engine) {
            return new EventStorageEngine() {
                @Override
                public void appendEvents(List<? extends EventMessage<?>> events) {
                    engine.appendEvents(events);
                }

                @Override
                public void storeSnapshot(DomainEventMessage<?> snapshot) {
                    engine.storeSnapshot(snapshot);
                }

                @Override
                public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                    return engine.readEvents(token, mayBlock);
                }

                @Override
                public DomainEventStream readEvents(String aggregateIdentifier) {
                    return readEvents(aggregateIdentifier, 0L);
                }

                @Override
                public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                    Long snapshot = snapshotRead.get();
                    snapshotRead.remove();
                    Read read = new Read(aggregateIdentifier, snapshot == null ? -1 : snapshot, firstSequenceNumber,
                            new AtomicLong());
                    reads.add(read);
                    DomainEventStream events = engine.readEvents(aggregateIdentifier, firstSequenceNumber);
                    return DomainEventStream.of(events.asStream().peek(event -> read.events().incrementAndGet()),
                            events::getLastSequenceNumber);
                }

                @Override
                public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
                    Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(aggregateIdentifier);
                    snapshotRead.set(snapshot.map(DomainEventMessage::getSequenceNumber).orElse(null));
                    return snapshot;
                }

                @Override
                public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                    return engine.lastSequenceNumberFor(aggregateIdentifier);
                }

                @Override
                public TrackingToken createTailToken() {
                    return engine.createTailToken();
                }

                @Override
                public TrackingToken createHeadToken() {
                    return engine.createHeadToken();
                }

                @Override
                public TrackingToken createTokenAt(Instant dateTime) {
                    return engine.createTokenAt(dateTime);
                }
            };
        }
    }
}
