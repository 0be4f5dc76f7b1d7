package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.LedgerEventTypes;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes the event topic in batches and applies them to the read model in one database transaction
 * per batch; offsets are committed only after it committed, so a crash redelivers (and the read model
 * ignores what it applied already).
 */
@Component
class EventConsumer {

    static final String LISTENER_ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final ReadModelWriter writer;
    private final ObjectReader events;

    EventConsumer(ReadModelWriter writer, ObjectMapper json) {
        this.writer = writer;
        // the value carries the envelope beside the event's own fields
        this.events = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = LISTENER_ID, topics = "${budgetledger.events.topic}", groupId = "${budgetledger.projection.group-id}")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        List<ReadModelWriter.Delivered> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record).ifPresent(batch::add);
        }
        int applied = writer.apply(batch);
        log.debug("event=batch_applied records={} new={}", records.size(), applied);
    }

    private Optional<ReadModelWriter.Delivered> read(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode value = events.readTree(record.value());
            String type = value.path("type").asText();
            Optional<Class<? extends LedgerEvent>> eventClass = LedgerEventTypes.classOf(type);
            if (eventClass.isEmpty()) {
                log.warn("event=unknown_event_skipped partition={} offset={} type={}", record.partition(), record.offset(), type);
                return Optional.empty();
            }
            EventEnvelope envelope = new EventEnvelope(value.path("eventId").asText(), value.path("sequence").asLong(),
                    type, Instant.parse(value.path("recordedAt").asText()));
            return Optional.of(new ReadModelWriter.Delivered(envelope, events.treeToValue(value, eventClass.get())));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("event=unreadable_event_skipped partition={} offset={} reason=\"{}\"", record.partition(),
                    record.offset(), unreadable.toString());
            return Optional.empty();
        }
    }
}
