package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 预算批复/指标下达: a new budget line of {@code amount}. For a fiscal fund it is also income of the year
 * at the line's subject.
 *
 * @param economic null, or a 3- or 5-digit economic code that payments from the line must match
 * @param project  the project, present iff {@code kind} is {@link Kind#PROJECT}
 */
public record BudgetAppropriated(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String lineId, Fund fund, String subject, Kind kind, String project, String economic,
        Money amount) implements LedgerEvent {
}
