package org.budgetledger.contracts.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The event names that travel in {@code type} and {@code ce_type}, and the record each one is. */
public final class LedgerEventTypes {

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME = Stream.of(
                    BudgetAppropriated.class, BudgetAdjusted.class, BudgetTransferred.class, PaymentMade.class,
                    PaymentRefunded.class, IncomeReceived.class, OpeningBalanceRecorded.class, ReserveUsed.class,
                    SurplusDistributed.class, ThreePublicLimitSet.class, YearClosed.class, BalancesCarriedIn.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));

    private LedgerEventTypes() {
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
