package org.budgetledger.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An event as a record of the event topic (SPEC §5): key {@code "{unit}:{year}"} for every event with a unit and a
 * year ({@link #topicKey}; a unit's or a catalog's: see {@link org.budgetledger.contracts.events.RegistryEvent#key()}),
 * CloudEvents 1.0 headers in
 * binary mode, and a JSON value with the envelope ({@code eventId}, {@code sequence}, {@code type},
 * {@code recordedAt}) first, then the event's own fields, then the integrity fields of SPEC §9. The envelope
 * comes first so that a reader can read the event's fields in the same pass ({@link EventValueReader}).
 */
public final class EventRecords {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** The {@code ce_source} path of catalog additions, which belong to no unit. */
    static final String CATALOG_SOURCE = "catalog";
    /** The last parts of the store's aggregates of a unit-year's disclosure data (SPEC §15), which the topic key drops. */
    private static final List<String> UNIT_YEAR_SUFFIXES = List.of(":" + UnitYearProfileSet.KEY_SUFFIX,
            ":" + ReferenceTablesRecorded.KEY_SUFFIX);

    /**
     * The hash chain's fields of a stored event, published as stored (either may be null for an event stored
     * before the store sealed its events).
     */
    public record Integrity(String previousHash, String hash) {
    }

    private final ObjectMapper json;
    private final String topic;

    public EventRecords(ObjectMapper json, String topic) {
        this.json = json;
        this.topic = topic;
    }

    /**
     * The record key (SPEC §5) of an event the store files under {@code aggregateId}: the aggregate itself, but for a
     * unit-year's disclosure data, filed under {@code "{unit}:{year}:profile"} or {@code "…:reference"} (a budget year's
     * aggregate numbers its own events), published under its unit-year {@code "{unit}:{year}"} like every event with a
     * unit and a year, so that it shares the unit-year's partition and order. Records published before carry the
     * three-part key; readers go by the value, never by the key.
     */
    public static String topicKey(String aggregateId) {
        for (String suffix : UNIT_YEAR_SUFFIXES) {
            if (aggregateId.endsWith(suffix)) {
                return aggregateId.substring(0, aggregateId.length() - suffix.length());
            }
        }
        return aggregateId;
    }

    /**
     * The record of a stored event.
     *
     * @param key     the aggregate the store files the event under ({@link RecordedEvent#key()}); the record's key is
     *                its {@link #topicKey}
     * @param payload the event's JSON object as the store holds it: the bytes the hash chain covers, published
     *                field by field as they are (never the event re-serialized by this version)
     */
    public ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope, String key, byte[] payload, Integrity integrity) {
        return toRecord(envelope, key, payload, integrity, EventVersions.current(envelope.type()));
    }

    /**
     * The record of a stored event of the given version (its stored revision, {@link EventVersions#of}): the value holds
     * its fields as stored, so {@code ce_type} names the version they have, not the one events are written at now.
     */
    public ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope, String key, byte[] payload, Integrity integrity,
                                                   int version) {
        return toRecord(envelope, key, readObject(payload), integrity, version);
    }

    /** The record of an event no store sealed (test fixtures, tools): its fields as Jackson writes them, no integrity fields. */
    public ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope, RecordedEvent event) {
        return toRecord(envelope, event.key(), (ObjectNode) json.valueToTree(event), null, EventVersions.current(envelope.type()));
    }

    /**
     * The headers follow the fields: {@code ce_source} names the event's unit ({@code /budget-ledger/catalog} for a
     * catalog addition, which has none), and {@code ce_subject} its year, which a registry event does not have.
     */
    private ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope, String key, ObjectNode fields, Integrity integrity,
                                                    int version) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", SPEC_VERSION);
        header(headers, "ce_id", envelope.eventId());
        header(headers, "ce_source", "/budget-ledger/" + (fields.hasNonNull("unit") ? fields.path("unit").asText() : CATALOG_SOURCE));
        header(headers, "ce_type", EventTypes.cloudEventType(envelope.type(), version));
        header(headers, "ce_time", envelope.recordedAt().toString());
        if (fields.has("year")) {
            header(headers, "ce_subject", fields.path("year").asText());
        }
        header(headers, "content-type", CONTENT_TYPE);
        return new ProducerRecord<>(topic, null, topicKey(key), write(value(envelope, fields, integrity)), headers);
    }

    /**
     * The value as a JSON tree: the envelope, the event's fields, and the integrity fields when given. Public for
     * tests that publish the same value with its fields in another order.
     */
    public ObjectNode value(EventEnvelope envelope, ObjectNode fields, Integrity integrity) {
        ObjectNode value = json.createObjectNode();
        value.put("eventId", envelope.eventId());
        value.put("sequence", envelope.sequence());
        value.put("type", envelope.type());
        value.put("recordedAt", envelope.recordedAt().toString());
        value.setAll(fields);
        if (integrity != null) {
            value.put("previousHash", integrity.previousHash());
            value.put("hash", integrity.hash());
        }
        return value;
    }

    /** {@link #value(EventEnvelope, ObjectNode, Integrity)} of an event no store sealed. */
    public ObjectNode value(EventEnvelope envelope, RecordedEvent event) {
        return value(envelope, (ObjectNode) json.valueToTree(event), null);
    }

    private ObjectNode readObject(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a stored event's payload must be a JSON object");
            }
            return object;
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
}
