package org.budgetledger.ledger.budgetyear;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.budgetledger.contracts.events.PaymentMade;

import java.lang.reflect.Proxy;
import java.util.Arrays;

/** A fixture of one budget year, whose commands are dispatched as the ledger dispatches them. */
final class BudgetYearFixture {

    private BudgetYearFixture() {
    }

    static AggregateTestFixture<BudgetYear> create() {
        // every payment of these tests is among the given events, which the budget year holds in memory
        return create(new PaymentMade[0]);
    }

    /**
     * A fixture whose event store holds these payments beyond the given events: those of a budget year loaded
     * from a snapshot taken after them, which it does not hold in memory.
     */
    static AggregateTestFixture<BudgetYear> create(PaymentMade... stored) {
        AggregateTestFixture<BudgetYear> fixture = new AggregateTestFixture<>(BudgetYear.class);
        // every posting command under one name, to the one handler that decides them all
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) -> named(message));
        fixture.registerInjectableResource((StoredPayments) (budgetYear, payment) -> Arrays.stream(stored)
                .filter(paid -> paid.transactionId().equals(payment)).findFirst());
        fixture.registerInjectableResource(noOtherBudgetYears());
        return fixture;
    }

    private static CommandMessage<?> named(CommandMessage<?> message) {
        return new GenericCommandMessage<>(message, PostingCommand.COMMAND_NAME);
    }

    /** These tests decide within one budget year: none of them reads another (a carry-over would). */
    @SuppressWarnings("unchecked")
    private static Repository<BudgetYear> noOtherBudgetYears() {
        return (Repository<BudgetYear>) Proxy.newProxyInstance(BudgetYearFixture.class.getClassLoader(),
                new Class<?>[]{Repository.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "toString" -> "no other budget years";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException("these tests read no other budget year");
                });
    }
}
