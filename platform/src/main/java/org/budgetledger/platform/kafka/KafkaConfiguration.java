package org.budgetledger.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.budgetledger.platform.settings.PlatformSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What both services do the same way with Kafka: the event topic and the digest topic, created by Spring Boot's {@code KafkaAdmin}
 * at start-up if missing, and {@code kafka} in health and readiness. Imported by both services; in the
 * standalone launcher, once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
@Import(KafkaBrokerHealth.class)
public class KafkaConfiguration {

    @Bean
    public NewTopic eventTopic(PlatformSettings settings) {
        return settings.events().newTopic();
    }

    /** The ledger's signed digests (SPEC §16), which the projection states in its tables and publications. */
    @Bean
    public NewTopic digestTopic(PlatformSettings settings) {
        return settings.digestTopic();
    }
}
