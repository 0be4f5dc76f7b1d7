package org.budgetledger.projection.consuming;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
class ConsumingConfiguration {

    /** Created at start-up if missing, with infinite retention: the topic is the history replays read. */
    @Bean
    NewTopic eventTopic(@Value("${budgetledger.events.topic}") String topic,
                        @Value("${budgetledger.events.partitions}") int partitions,
                        @Value("${budgetledger.events.replication-factor}") short replicationFactor) {
        return new NewTopic(topic, partitions, replicationFactor)
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
    }

    /**
     * A batch that cannot be written (database down) is retried until it can, never skipped: skipping
     * would commit offsets of events the read model does not have.
     */
    @Bean
    DefaultErrorHandler retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(backOff);
    }
}
