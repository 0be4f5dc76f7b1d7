package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 非财政拨款收入: money of a non-fiscal fund received at a subject.
 */
public record IncomeReceived(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String subject, Money amount) implements LedgerEvent {
}
