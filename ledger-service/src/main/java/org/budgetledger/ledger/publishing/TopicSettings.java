package org.budgetledger.ledger.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The event topic, and its shape when the ledger creates it (with infinite retention). */
@ConfigurationProperties("budgetledger.events")
record TopicSettings(String topic, int partitions, short replicationFactor) {
}
