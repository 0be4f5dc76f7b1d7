package org.budgetledger.ledger.budgetline;

import org.budgetledger.contracts.money.Money;

/**
 * A budget line as {@code GET /api/v1/budget-lines} answers it: {@code budget = initial + adjustments},
 * {@code available = budget − paid}; amounts as strings in 元.
 */
public record BudgetLineState(String id, String unit, int year, String fund, String subject, String kind,
                              String project, String economic, String origin, Money initial, Money adjustments,
                              Money budget, Money paid, Money available) {

    static BudgetLineState of(String id, String unit, int year, String fund, String subject, String kind,
                              String project, String economic, String origin, long initialFen, long adjustmentsFen,
                              long paidFen) {
        Money budget = Money.ofFen(initialFen + adjustmentsFen);
        return new BudgetLineState(id, unit, year, fund, subject, kind, project, economic, origin,
                Money.ofFen(initialFen), Money.ofFen(adjustmentsFen), budget, Money.ofFen(paidFen),
                budget.minus(Money.ofFen(paidFen)));
    }
}
