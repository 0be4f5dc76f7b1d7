package org.budgetledger.contracts.wire;

import org.budgetledger.contracts.events.LedgerEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event names that travel in {@code type} and {@code ce_type}, and the record each one is: the permitted
 * subclasses of the sealed {@link LedgerEvent}, so that a new event type is known here by being permitted there.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME = Arrays.stream(LedgerEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type.asSubclass(LedgerEvent.class)));

    private EventTypes() {
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Optional<Class<? extends LedgerEvent>> classOf(String eventName) {
        return Optional.ofNullable(BY_NAME.get(eventName));
    }

    /** The CloudEvents {@code type} attribute of an event name. */
    public static String cloudEventType(String eventName) {
        return "budgetledger." + eventName + ".v1";
    }
}
