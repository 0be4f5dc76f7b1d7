package org.budgetledger.projection.consuming;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumingConfiguration {

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
