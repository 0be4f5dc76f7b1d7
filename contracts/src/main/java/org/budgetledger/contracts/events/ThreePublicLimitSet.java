package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 三公经费预算: the limit of a category from {@code effectiveDate} on (the latest effective wins).
 */
public record ThreePublicLimitSet(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        ThreePublicCategory category, Money amount) implements LedgerEvent {
}
