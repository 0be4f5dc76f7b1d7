package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 结余分配: part of a non-fiscal balance taken out of 年末结转和结余.
 */
public record SurplusDistributed(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String subject, Money amount) implements LedgerEvent {
}
