package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.Repository;

/**
 * What a transaction's decision may look up beyond its own budget year: payments in the event store (those a
 * budget year loaded from a snapshot does not hold) and other budget years (the next one, for a carry-over).
 */
public final class Lookups {

    private final StoredPayments storedPayments;
    private final Repository<BudgetYear> budgetYears;

    Lookups(StoredPayments storedPayments, Repository<BudgetYear> budgetYears) {
        this.storedPayments = storedPayments;
        this.budgetYears = budgetYears;
    }

    StoredPayments storedPayments() {
        return storedPayments;
    }

    Repository<BudgetYear> budgetYears() {
        return budgetYears;
    }
}
