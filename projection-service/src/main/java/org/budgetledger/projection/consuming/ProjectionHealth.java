package org.budgetledger.projection.consuming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.budgetledger.platform.kafka.KafkaClients;
import org.budgetledger.projection.reports.Freshness;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.budgetledger.projection.settings.ProjectionSettings;

/**
 * {@code projection} in health: the last sequence applied, the consumer group's lag (records on the topic
 * not yet applied), how many unreadable records are parked, and the unit-years stopped at an event that cannot be
 * applied ({@link StoppedUnitYears}). The sequence is also the metric {@code budgetledger.projection.sequence}.
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator, DisposableBean {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final Freshness freshness;
    private final ParkedEvents parked;
    private final StoppedUnitYears stopped;
    private final Admin admin;
    private final String groupId;

    ProjectionHealth(Freshness freshness, ParkedEvents parked, StoppedUnitYears stopped, MeterRegistry meters,
                     KafkaProperties kafka, SslBundles sslBundles,
                     ProjectionSettings settings) {
        this.freshness = freshness;
        this.parked = parked;
        this.stopped = stopped;
        this.groupId = settings.projection().groupId();
        this.admin = Admin.create(KafkaClients.adminProperties(kafka, sslBundles, TIMEOUT_MILLIS));
        Gauge.builder("budgetledger.projection.sequence", freshness, Freshness::lastApplied)
                .description("the last event sequence the projection applied").register(meters);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("lastAppliedSequence", freshness.lastApplied())
                .withDetail("parkedEvents", parked.count());
        long stoppedCount = stopped.count();
        if (stoppedCount > 0) {
            // up all the same: every other unit-year is served; these answer as before their event (minSequence: 409)
            health.withDetail("stoppedUnitYearCount", stoppedCount).withDetail("stoppedUnitYears", stopped.stopped());
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            var ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            long lag = committed.entrySet().stream()
                    .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset())).sum();
            return health.withDetail("consumerLag", lag).build();
        } catch (Exception unknown) {
            if (unknown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return health.withDetail("consumerLag", "unknown: " + unknown.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
