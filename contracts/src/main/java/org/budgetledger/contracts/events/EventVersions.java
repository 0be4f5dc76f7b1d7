package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The version of every event type (SPEC §16): 1, plus one for each step of its {@link EventUpcaster}s. It is what the
 * store keeps as an event's revision, what {@code ce_type} ends with ({@code budgetledger.<Name>.v<version>}), and what
 * the frozen corpus of test resources records. A stored event without a revision was stored before versions were
 * written down: version 1.
 *
 * <p>Changing an event's shape: raise its version by adding its step here, with a test that the corpus of every
 * earlier version still reads, verifies and projects to the same tables.
 */
public final class EventVersions {

    /** Every step, in order of version per event type. */
    private static final List<EventUpcaster> STEPS = List.of(new CatalogCodeAddedLevel(),
            new CommitmentCarriedOverFromOrigin());

    private EventVersions() {
    }

    /** The version events of this type are written at now. */
    public static int current(String eventName) {
        return 1 + (int) STEPS.stream().filter(step -> step.eventName().equals(eventName)).count();
    }

    /** The version a stored revision names ({@code null}: 1). */
    public static int of(String revision) {
        if (revision == null || revision.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(revision.trim());
        } catch (NumberFormatException notAVersion) {
            throw new IllegalArgumentException("not a version of an event: " + revision);
        }
    }

    /** Whether an event type has had more than one shape. */
    public static boolean hasSteps(String eventName) {
        return STEPS.stream().anyMatch(step -> step.eventName().equals(eventName));
    }

    /** The fields of an event stored or published at {@code version}, in the current shape. */
    public static ObjectNode upcast(String eventName, int version, ObjectNode fields) {
        ObjectNode upcast = fields;
        for (EventUpcaster step : STEPS) {
            if (step.eventName().equals(eventName) && step.fromVersion() >= version) {
                upcast = step.upcast(upcast);
            }
        }
        return upcast;
    }

    /** The fields of an event whose version is not known (a topic value without its headers): every step of its type. */
    public static ObjectNode upcastAnyVersion(String eventName, ObjectNode fields) {
        return upcast(eventName, 1, fields);
    }
}
