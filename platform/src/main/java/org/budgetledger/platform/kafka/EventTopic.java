package org.budgetledger.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The event topic (SPEC §5), and its shape when a service creates it: the same settings in both services, so
 * that whichever starts first creates it as the other would.
 *
 * @param topic             {@code budgetledger.events.topic}
 * @param partitions        {@code budgetledger.events.partitions}
 * @param replicationFactor {@code budgetledger.events.replication-factor}
 */
@ConfigurationProperties("budgetledger.events")
public record EventTopic(String topic, int partitions, short replicationFactor) {

    /** Infinite retention: the topic is the history that replays and the topic check read. */
    public NewTopic newTopic() {
        return new NewTopic(topic, partitions, replicationFactor)
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
    }
}
