package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 期初结转和结余 migrated into the system. For a fiscal fund it also opens a budget line
 * ({@code lineId}, origin OPENING); for a non-fiscal fund {@code lineId} is null.
 */
public record OpeningBalanceRecorded(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String subject, Kind kind, String project, String economic, Money amount, String lineId) implements LedgerEvent {
}
