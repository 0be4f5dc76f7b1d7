package org.budgetledger.projection.consuming;

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
import java.util.Optional;

/** Reads the JSON value of a record on the event topic: the envelope and the event. */
public final class WireEvents {

    /** A value that is not an event this version knows: why, for the log. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ObjectReader reader;

    public WireEvents(ObjectMapper json) {
        // the value carries the envelope and integrity fields beside the event's own
        this.reader = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ReadModelWriter.Delivered read(byte[] value) throws Unreadable {
        try {
            JsonNode node = reader.readTree(value);
            String type = node.path("type").asText();
            Optional<Class<? extends LedgerEvent>> eventClass = LedgerEventTypes.classOf(type);
            if (eventClass.isEmpty()) {
                throw new Unreadable("unknown event type " + type);
            }
            EventEnvelope envelope = new EventEnvelope(node.path("eventId").asText(), node.path("sequence").asLong(),
                    type, Instant.parse(node.path("recordedAt").asText()));
            return new ReadModelWriter.Delivered(envelope, reader.treeToValue(node, eventClass.get()));
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable.toString());
        }
    }
}
