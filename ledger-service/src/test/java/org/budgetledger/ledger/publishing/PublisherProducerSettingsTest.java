package org.budgetledger.ledger.publishing;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's producer takes the connection from spring.kafka.* but never loosens what its guarantees rest on. */
class PublisherProducerSettingsTest {

    @Test
    void the_producer_connects_as_spring_kafka_says_but_keeps_acks_all_and_idempotence() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("broker-1:9092", "broker-2:9092"));
        kafka.getProducer().setAcks("1");
        kafka.getProducer().getProperties().put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        kafka.getProperties().put("security.protocol", "SASL_SSL");

        Map<String, Object> producer = new PublishingConfiguration()
                .eventPublisherProducerFactory(kafka, new DefaultSslBundleRegistry()).getConfigurationProperties();

        assertThat(producer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo(List.of("broker-1:9092", "broker-2:9092"));
        assertThat(producer).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    }
}
