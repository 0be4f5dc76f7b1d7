package org.budgetledger.contracts.events;

import java.util.Map;
import java.util.Optional;

/** The event names that travel in {@code type} and {@code ce_type}, and the record each one is. */
public final class LedgerEventTypes {

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME = Map.of(
            "BudgetAppropriated", BudgetAppropriated.class,
            "PaymentMade", PaymentMade.class);

    private LedgerEventTypes() {
    }

    public static Optional<Class<? extends LedgerEvent>> classOf(String eventName) {
        return Optional.ofNullable(BY_NAME.get(eventName));
    }

    /** The CloudEvents {@code type} attribute of an event name. */
    public static String cloudEventType(String eventName) {
        return "budgetledger." + eventName + ".v1";
    }
}
