package org.budgetledger.contracts.wire;

import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event names that travel in {@code type} and {@code ce_type}, and the record each one is: the records
 * permitted under the sealed {@link RecordedEvent} (through its sealed sub-interfaces), so that a new event type
 * is known here by being permitted there.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends RecordedEvent>> BY_NAME = records(RecordedEvent.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type.asSubclass(RecordedEvent.class)));

    private EventTypes() {
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Stream<Class<?>> records(Class<?> type) {
        return type.isRecord() ? Stream.of(type) : Arrays.stream(type.getPermittedSubclasses()).flatMap(EventTypes::records);
    }

    public static Optional<Class<? extends RecordedEvent>> classOf(String eventName) {
        return Optional.ofNullable(BY_NAME.get(eventName));
    }

    /** The CloudEvents {@code type} attribute of an event written now: its name and current version. */
    public static String cloudEventType(String eventName) {
        return cloudEventType(eventName, EventVersions.current(eventName));
    }

    /** The CloudEvents {@code type} attribute of an event of the given version ({@code budgetledger.<Name>.v<version>}). */
    public static String cloudEventType(String eventName, int version) {
        return "budgetledger." + eventName + ".v" + version;
    }
}
