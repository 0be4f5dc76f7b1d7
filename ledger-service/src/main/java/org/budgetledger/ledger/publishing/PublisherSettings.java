package org.budgetledger.ledger.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idlePollMillis   pause between polls of the event store when nothing new was found
 * @param batchSize        events sent per round (a round ends with a flush and a stored position)
 * @param backoffMaxMillis longest pause between retries while the broker or database is unreachable
 */
@ConfigurationProperties("budgetledger.publisher")
record PublisherSettings(long idlePollMillis, int batchSize, long backoffMaxMillis) {
}
