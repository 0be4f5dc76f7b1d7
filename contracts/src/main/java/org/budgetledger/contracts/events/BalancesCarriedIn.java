package org.budgetledger.contracts.events;

import java.util.List;

import java.time.LocalDate;

/**
 * 年终结转, opening side, in the next year (dated 1 Jan): every fiscal line of {@code fromYear} with
 * money left reopens as a line of origin CARRY_OVER, and every non-fiscal (fund, subject) balance becomes an
 * opening balance.
 */
public record BalancesCarriedIn(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        int fromYear, List<CarriedLine> lines, List<CarriedBalance> balances) implements LedgerEvent {
}
