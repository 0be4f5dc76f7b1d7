package org.budgetledger.ledger.publishing;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.budgetledger.platform.threads.WorkerThreads;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSettings.class)
class PublishingConfiguration {

    static final String PRODUCERS = "eventPublisherProducerFactory";
    static final String WORKER = "eventPublisherExecutor";
    static final String DIGEST_WORKER = "digestPublisherExecutor";

    /**
     * The publisher's producer: Spring Boot's {@code spring.kafka.*} (servers, security, client id) with the
     * settings its guarantees rest on always on top. Not a default candidate: Boot's own factory and template stay
     * what {@code spring.kafka.producer.*} says, for anything else that ever produces.
     */
    @Bean(name = PRODUCERS, defaultCandidate = false)
    ProducerFactory<String, byte[]> eventPublisherProducerFactory(KafkaProperties kafka, SslBundles sslBundles) {
        Map<String, Object> properties = kafka.buildProducerProperties(sslBundles);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotence keeps each partition in send order across the producer's own retries
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new DefaultKafkaProducerFactory<>(properties);
    }

    /**
     * The publisher's one thread. Closing the context is its one shutdown path: the publisher's {@code stop()} ends
     * its loop after the round in flight and returns once it has ended ({@link KafkaEventPublisher#stop}), so the
     * executor finds nothing running when it is destroyed.
     */
    @Bean(name = WORKER, defaultCandidate = false)
    ThreadPoolTaskExecutor eventPublisherExecutor() {
        return WorkerThreads.executor("event-publisher", 1, Integer.MAX_VALUE, Duration.ofSeconds(10));
    }

    /** The digest publisher's one thread ({@link DigestPublisher}), stopped like the event publisher's. */
    @Bean(name = DIGEST_WORKER, defaultCandidate = false)
    ThreadPoolTaskExecutor digestPublisherExecutor() {
        return WorkerThreads.executor("digest-publisher", 1, Integer.MAX_VALUE, Duration.ofSeconds(10));
    }
}
