package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 指标调剂: budget moved from one line to another of the same fund. For fiscal lines the year's income
 * moves from the first line's subject to the second's.
 */
public record BudgetTransferred(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String fromLineId, String fromSubject, Kind fromKind, String fromProject,
        String toLineId, String toSubject, Kind toKind, String toProject, Money amount, String reason) implements LedgerEvent {
}
