package org.budgetledger.ledger.budgetline;

import org.budgetledger.contracts.money.Money;

/**
 * A budget line as {@code GET /api/v1/budget-lines} answers it: {@code budget = initial + adjustments},
 * {@code committed} = what its open commitments hold (SPEC §14), {@code available = budget − paid − committed};
 * amounts as strings in 元.
 */
public record BudgetLineState(String id, String unit, int year, String fund, String subject, String kind,
                              String project, String economic, String origin, Money initial, Money adjustments,
                              Money budget, Money paid, Money committed, Money available) {

    static BudgetLineState of(String id, String unit, int year, String fund, String subject, String kind,
                              String project, String economic, String origin, long initialFen, long adjustmentsFen,
                              long paidFen, long committedFen) {
        Money budget = Money.ofFen(initialFen + adjustmentsFen);
        return new BudgetLineState(id, unit, year, fund, subject, kind, project, economic, origin,
                Money.ofFen(initialFen), Money.ofFen(adjustmentsFen), budget, Money.ofFen(paidFen),
                Money.ofFen(committedFen), budget.minus(Money.ofFen(paidFen)).minus(Money.ofFen(committedFen)));
    }
}
