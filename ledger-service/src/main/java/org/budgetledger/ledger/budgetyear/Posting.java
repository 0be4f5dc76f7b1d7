package org.budgetledger.ledger.budgetyear;

import java.time.LocalDate;

/** The fields every transaction has: who posts what, for which unit-year, effective when. */
public record Posting(String transactionId, String unit, int year, LocalDate date, String principal,
                      String memo, String voucher) {

    public String budgetYearId() {
        return BudgetYearId.of(unit, year);
    }
}
