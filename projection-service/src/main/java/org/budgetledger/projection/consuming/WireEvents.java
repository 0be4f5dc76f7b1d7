package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.LedgerEventTypes;
import org.budgetledger.projection.readmodel.ReadModelWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the JSON value of a record on the event topic: the envelope and the event. */
public final class WireEvents {

    /** A value that is not an event this version knows: why, for the log. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ObjectReader reader;
    private final Map<Class<?>, ObjectReader> eventReaders = new ConcurrentHashMap<>();

    public WireEvents(ObjectMapper json) {
        // the value carries the envelope and integrity fields beside the event's own
        this.reader = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The ledger writes the envelope first ({@code CloudEventRecords}), so the event's own fields are read
     * straight from the parser after it, in one pass. JSON fields have no order, though: a value whose envelope
     * is not first is read as a tree instead.
     */
    public ReadModelWriter.Delivered read(byte[] value) throws Unreadable {
        try (JsonParser parser = reader.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Unreadable("not a JSON object");
            }
            String eventId = null;
            long sequence = 0;
            String type = null;
            String recordedAt = null;
            int envelopeFields = 0;
            while (envelopeFields < 4 && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "eventId" -> eventId = parser.getValueAsString();
                    case "sequence" -> sequence = parser.getValueAsLong();
                    case "type" -> type = parser.getValueAsString();
                    case "recordedAt" -> recordedAt = parser.getValueAsString();
                    default -> {
                        return readTree(value);
                    }
                }
                envelopeFields++;
            }
            if (envelopeFields < 4 || eventId == null || type == null || recordedAt == null) {
                return readTree(value);
            }
            ObjectReader eventReader = eventReader(type);
            parser.nextToken();
            LedgerEvent event = eventReader.readValue(parser);
            if (event == null) {
                throw new Unreadable("no event fields after the envelope");
            }
            return new ReadModelWriter.Delivered(new EventEnvelope(eventId, sequence, type, Instant.parse(recordedAt)), event);
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable.toString());
        }
    }

    private ReadModelWriter.Delivered readTree(byte[] value) throws IOException, Unreadable {
        JsonNode node = reader.readTree(value);
        String type = node.path("type").asText();
        EventEnvelope envelope = new EventEnvelope(node.path("eventId").asText(), node.path("sequence").asLong(),
                type, Instant.parse(node.path("recordedAt").asText()));
        return new ReadModelWriter.Delivered(envelope, eventReader(type).readValue(node));
    }

    private ObjectReader eventReader(String type) throws Unreadable {
        Optional<Class<? extends LedgerEvent>> eventClass = LedgerEventTypes.classOf(type);
        if (eventClass.isEmpty()) {
            throw new Unreadable("unknown event type " + type);
        }
        return eventReaders.computeIfAbsent(eventClass.get(), reader::forType);
    }
}
