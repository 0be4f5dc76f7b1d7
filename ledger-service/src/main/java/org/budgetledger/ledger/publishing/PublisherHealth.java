package org.budgetledger.ledger.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code publisher} in health: how far the Kafka publisher got and how many stored events still wait
 * ({@code backlog}); DOWN while it cannot publish (broker or database unreachable). The backlog and the
 * position are also metrics ({@code budgetledger.publisher.backlog}, {@code budgetledger.publisher.position}).
 */
@Component("publisher")
class PublisherHealth implements HealthIndicator {

    private final KafkaEventPublisher publisher;
    private final JdbcClient jdbc;

    PublisherHealth(KafkaEventPublisher publisher, JdbcClient jdbc, MeterRegistry meters) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        Gauge.builder("budgetledger.publisher.position", publisher, KafkaEventPublisher::publishedSequence)
                .description("sequence up to which every stored event is on the topic").register(meters);
        Gauge.builder("budgetledger.publisher.backlog", this, PublisherHealth::backlog)
                .description("stored events not yet confirmed on the topic").register(meters);
    }

    @Override
    public Health health() {
        long stored = storedSequence();
        Health.Builder health = publisher.failing() ? Health.down() : Health.up();
        return health.withDetail("publishedSequence", publisher.publishedSequence())
                .withDetail("storedSequence", stored)
                .withDetail("backlog", Math.max(0, stored - publisher.publishedSequence()))
                .build();
    }

    private double backlog() {
        return Math.max(0, storedSequence() - publisher.publishedSequence());
    }

    private long storedSequence() {
        return jdbc.sql("SELECT coalesce(max(globalIndex), 0) FROM " + EventStoreConfiguration.EVENT_TABLE)
                .query(Long.class).single();
    }
}
