package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Reads stored payloads into events with the serializer the event store reads them with, so that a payload
 * found damaged here is exactly one its budget year cannot be loaded from either.
 */
@Component
class EventPayloads {

    /** What a stored payload holds: its event, or why it cannot be read ({@code damage}). */
    record Reading(RecordedEvent event, String damage) {
    }

    private static final ObjectReader ONE_VALUE = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Serializer serializer;

    EventPayloads(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    Reading read(String payloadType, String payloadRevision, byte[] payload) {
        String eventName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        try {
            // the serializer reads the first value and ignores what follows it, but the history writes the payload
            // out as stored: it must be one JSON object and nothing else, or it would break the answer around it.
            // Parsed once: the serializer reads the event from that tree, as it reads the stored bytes.
            JsonNode tree = ONE_VALUE.readTree(payload);
            if (!tree.isObject()) {
                return new Reading(null, "its payload cannot be read as a " + eventName + ": it is no JSON object");
            }
            // an event stored at an older version is read in its current shape: after its bytes were checked, never rewritten
            tree = EventVersions.upcast(eventName, EventVersions.of(payloadRevision), (ObjectNode) tree);
            Object event = serializer.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, payloadType, payloadRevision));
            if (event instanceof RecordedEvent recorded) {
                return new Reading(recorded, null);
            }
            return new Reading(null, "its payload cannot be read: " + payloadType + " is no event of the ledger");
        } catch (IOException | RuntimeException unreadable) {
            return new Reading(null, "its payload cannot be read as a " + eventName + ": " + reason(unreadable));
        }
    }

    /** Whether a failure is a stored payload that could not be read. */
    static boolean isUnreadablePayload(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost reason, without the payload (Jackson leaves its source out of the message). */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(innermost.getMessage());
    }
}
