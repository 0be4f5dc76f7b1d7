package org.budgetledger.projection.consuming;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.kafka.annotation.KafkaListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under load, a fetch of the event consumer waits for the events of more than one posting group (32 KiB), but never
 * longer than 20 ms; the digests' consumer, which has nothing to gather, keeps Kafka's own settings (README, settings).
 */
class ConsumerFetchSettingsTest {

    @Test
    void the_event_consumer_fetches_32_KiB_or_what_came_within_20_ms() throws IOException {
        Map<String, Object> consumer = consumerProperties();

        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 32 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    }

    @Test
    void the_digest_consumer_fetches_as_kafka_does_by_default() throws Exception {
        KafkaListener digests = Class.forName("org.budgetledger.projection.digests.DigestConsumer")
                .getDeclaredMethod("consume", List.class).getAnnotation(KafkaListener.class);

        assertThat(digests.properties()).containsExactlyInAnyOrder("fetch.min.bytes=1", "fetch.max.wait.ms=500");
    }

    /** The consumer settings the projection's defaults file gives Spring Boot's consumer factory. */
    private static Map<String, Object> consumerProperties() throws IOException {
        Map<Object, Object> properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("budgetledger/projection.properties"));
        KafkaProperties kafka = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("spring.kafka", KafkaProperties.class);
        return kafka.buildConsumerProperties(new DefaultSslBundleRegistry());
    }
}
