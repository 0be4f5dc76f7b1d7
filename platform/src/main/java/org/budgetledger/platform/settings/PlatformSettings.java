package org.budgetledger.platform.settings;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The settings of what both services share, under {@code budgetledger.*}: the event topic and the owner of
 * the schemas. The defaults are in each service's {@code budgetledger/*.properties}, or here where a setting
 * is optional. In a package of its own, so that every package may read it and it reads none of them.
 *
 * @param events   {@code budgetledger.events.*}
 * @param database {@code budgetledger.database.*}
 * @param digests  {@code budgetledger.digests.*}
 */
@ConfigurationProperties("budgetledger")
public record PlatformSettings(EventTopic events, @DefaultValue Database database, @DefaultValue DigestTopic digests) {

    @ConstructorBinding
    public PlatformSettings {
    }

    public PlatformSettings(EventTopic events, Database database) {
        this(events, database, new DigestTopic(DigestTopic.DEFAULT_TOPIC));
    }

    /**
     * The topic the ledger publishes its signed digests to (SPEC §16) and the projection reads: one partition (in
     * the order they were signed), the event topic's replication, kept forever like the events.
     */
    public NewTopic digestTopic() {
        return new NewTopic(digests.topic(), 1, events.replicationFactor())
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
    }

    /** @param topic {@code budgetledger.digests.topic} */
    public record DigestTopic(@DefaultValue(DEFAULT_TOPIC) String topic) {
        public static final String DEFAULT_TOPIC = "budget-ledger.digests";
    }

    /**
     * The event topic (SPEC §5), and its shape when a service creates it: the same settings in both services,
     * so that whichever starts first creates it as the other would.
     *
     * @param topic             {@code budgetledger.events.topic}
     * @param partitions        {@code budgetledger.events.partitions}
     * @param replicationFactor {@code budgetledger.events.replication-factor}
     */
    public record EventTopic(String topic, int partitions, short replicationFactor) {

        /** Infinite retention: the topic is the history that replays and the topic check read. */
        public NewTopic newTopic() {
            return new NewTopic(topic, partitions, replicationFactor)
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
        }
    }

    /**
     * The role the services migrate their schemas as (docs/OPERATIONS.md); none (blank) runs the migrations as
     * the application's role.
     *
     * @param ownerUsername {@code budgetledger.database.owner-username}
     * @param ownerPassword {@code budgetledger.database.owner-password}
     */
    public record Database(@DefaultValue("") String ownerUsername, @DefaultValue("") String ownerPassword) {
    }
}
