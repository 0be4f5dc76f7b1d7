package org.budgetledger.ledger.budgetyear;

/** The identity of the {@link BudgetYear} aggregate, which is also the Kafka key: {@code "{unit}:{year}"}. */
public final class BudgetYearId {

    private BudgetYearId() {
    }

    public static String of(String unit, int year) {
        return unit + ":" + year;
    }
}
