package org.budgetledger.contracts.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the JSON value of a record on the event topic ({@link EventRecords}): the envelope and the event. */
public final class EventValueReader {

    /** A value that is not an event this version knows: why, for the log. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What the reader makes of the envelope and the event it read (a reader's own type, without a copy). */
    @FunctionalInterface
    public interface Read<T> {
        T of(EventEnvelope envelope, RecordedEvent event);
    }

    private final ObjectReader reader;
    private final Map<Class<?>, ObjectReader> eventReaders = new ConcurrentHashMap<>();

    public EventValueReader(ObjectMapper json) {
        // the value carries the envelope and integrity fields beside the event's own
        this.reader = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * {@link EventRecords} writes the envelope first, so the event's own fields are read straight from the parser
     * after it, in one pass. JSON fields have no order, though: a value whose envelope is not first is read as a
     * tree instead.
     */
    public <T> T read(byte[] value, Read<T> as) throws Unreadable {
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
                        return readTree(value, as);
                    }
                }
                envelopeFields++;
            }
            if (envelopeFields < 4 || eventId == null || type == null || recordedAt == null || EventVersions.hasSteps(type)) {
                // a type that has had several shapes is read as a tree, brought to its current shape first
                return readTree(value, as);
            }
            ObjectReader eventReader = eventReader(type);
            parser.nextToken();
            RecordedEvent event = eventReader.readValue(parser);
            if (event == null) {
                throw new Unreadable("no event fields after the envelope");
            }
            return as.of(new EventEnvelope(eventId, sequence, type, instant(recordedAt)), event);
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable.toString());
        }
    }

    private <T> T readTree(byte[] value, Read<T> as) throws IOException, Unreadable {
        JsonNode node = reader.readTree(value);
        String type = node.path("type").asText();
        if (node instanceof ObjectNode fields) {
            // the value alone does not say its version (ce_type does): every step of the type, each leaving a later shape as it is
            node = EventVersions.upcastAnyVersion(type, fields);
        }
        EventEnvelope envelope = new EventEnvelope(node.path("eventId").asText(), node.path("sequence").asLong(),
                type, instant(node.path("recordedAt").asText()));
        return as.of(envelope, eventReader(type).readValue(node));
    }

    private ObjectReader eventReader(String type) throws Unreadable {
        Optional<Class<? extends RecordedEvent>> eventClass = EventTypes.classOf(type);
        if (eventClass.isEmpty()) {
            throw new Unreadable("unknown event type " + type);
        }
        return eventReaders.computeIfAbsent(eventClass.get(), reader::forType);
    }

    /**
     * {@code recordedAt} as the ledger writes it ({@link Instant#toString}: {@code 2023-05-01T08:30:00.123456Z},
     * with 0 to 9 digits of fraction), read directly; anything else goes to {@link Instant#parse}. The
     * general parser was a fifth of a replay's parsing (async-profiler).
     */
    public static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return Instant.parse(text);
        }
        try {
            int nanos = 0;
            for (int position = 20; position < 29; position++) {
                nanos = nanos * 10 + (position < length - 1 ? digit(text, position) : 0);
            }
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19), nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notThatForm) {
            return Instant.parse(text); // a leap second, or not an instant at all: the general parser says which
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int position = from; position < to; position++) {
            value = value * 10 + digit(text, position);
        }
        return value;
    }

    private static int digit(String text, int position) {
        char character = text.charAt(position);
        if (character < '0' || character > '9') {
            throw new DateTimeParseException("not a digit at " + position, text, position);
        }
        return character - '0';
    }
}
