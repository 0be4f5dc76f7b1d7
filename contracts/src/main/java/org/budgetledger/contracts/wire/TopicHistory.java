package org.budgetledger.contracts.wire;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The full history as the topic holds it (infinite retention): every partition from its first offset to
 * the end it had when the reading began, with no consumer group (the live projection's offsets are not
 * touched).
 *
 * <p>The client's settings are the service's consumer settings (bootstrap servers, security: Spring Boot's
 * {@code spring.kafka.*}) with this reading's own on top.
 */
public final class TopicHistory implements AutoCloseable {

    /** The consumer's settings, public so that a benchmark's bare consumer reads as this one does. */
    public static final int POLL_RECORDS_MAX = 5_000;
    public static final int PARTITION_FETCH_BYTES = 16 * 1024 * 1024;

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> ends;
    private final long total;

    /** @param consumerProperties the service's consumer settings; a group id among them is not used */
    public TopicHistory(Map<String, Object> consumerProperties, String topic) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, POLL_RECORDS_MAX);
        // a unit-year is one partition: the default 1 MB per partition and fetch is a few hundred events
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_BYTES);
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        total = partitions.stream().mapToLong(partition -> ends.get(partition) - beginnings.get(partition)).sum();
    }

    public long total() {
        return total;
    }

    /** Hands every record up to the captured ends to {@code batch}, a poll's worth at a time. */
    public void readAll(Consumer<List<ConsumerRecord<String, byte[]>>> batch) {
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    records.add(record);
                }
            }
            if (!records.isEmpty()) {
                batch.accept(records);
            }
        }
    }

    @Override
    public void close() {
        // no group, nothing to commit: waiting for fetches in flight (half a second) would only delay the caller
        consumer.close(Duration.ZERO);
    }
}
