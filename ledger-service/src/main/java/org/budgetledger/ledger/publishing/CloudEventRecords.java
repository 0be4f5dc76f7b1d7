package org.budgetledger.ledger.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.budgetledger.contracts.events.LedgerEventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a stored event into a Kafka record: key {@code "{unit}:{year}"}, CloudEvents 1.0 headers in
 * binary mode, and a JSON value with the envelope ({@code eventId}, {@code sequence}, {@code type},
 * {@code recordedAt}) followed by the event's own fields.
 */
final class CloudEventRecords {

    private final ObjectMapper json;
    private final String topic;

    CloudEventRecords(ObjectMapper json, String topic) {
        this.json = json;
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> toRecord(StoredEvent event) {
        ObjectNode payload = readPayload(event.payload());
        String unit = payload.path("unit").asText();
        String year = payload.path("year").asText();
        String eventName = event.eventName();
        ObjectNode value = json.createObjectNode();
        value.put("eventId", event.eventId());
        value.put("sequence", event.sequence());
        value.put("type", eventName);
        value.put("recordedAt", event.recordedAt().toString());
        value.setAll(payload);
        value.put("previousHash", event.previousHash());
        value.put("hash", event.hash());

        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId());
        header(headers, "ce_source", "/budget-ledger/" + unit);
        header(headers, "ce_type", LedgerEventTypes.cloudEventType(eventName));
        header(headers, "ce_time", event.recordedAt().toString());
        header(headers, "ce_subject", year);
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(topic, null, event.aggregateId(), write(value), headers);
    }

    private ObjectNode readPayload(byte[] payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private byte[] write(ObjectNode value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** One row of the event store, as the publisher reads it. */
    record StoredEvent(long sequence, String eventId, String aggregateId, String payloadType, byte[] payload,
                       Instant recordedAt, String previousHash, String hash) {

        String eventName() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }
}
