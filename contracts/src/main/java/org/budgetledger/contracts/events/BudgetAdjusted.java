package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 年中调整（追加/调减）: a signed change of a line's budget. For a fiscal line it is also income of
 * the year at the line's subject (negative for 调减).
 */
public record BudgetAdjusted(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String lineId, Fund fund, String subject, Kind kind, String project, Money amount, String reason) implements LedgerEvent {
}
