package org.budgetledger.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.testing.Infrastructure;

import java.util.List;
import java.util.Properties;

/** Events as the ledger publishes them ({@link EventRecords}): the envelope beside the event's own fields, keyed by unit-year. */
final class WireFormat {

    static final String TOPIC = "budget-ledger.events";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final EventRecords RECORDS = new EventRecords(JSON, TOPIC);

    private WireFormat() {
    }

    static ObjectNode value(EventEnvelope envelope, RecordedEvent event) {
        return RECORDS.value(envelope, event);
    }

    /** Sends the values to the topic under the key {@code "{unit}:{year}"}, in order, and waits for the acks. */
    static void publish(Infrastructure infrastructure, String key, List<ObjectNode> values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (ObjectNode value : values) {
                producer.send(new ProducerRecord<>(TOPIC, key, JSON.writeValueAsBytes(value)));
            }
            producer.flush();
        }
    }
}
