package org.budgetledger.contracts.events;

import java.time.LocalDate;

/**
 * 年终结转, closing side: the year is closed on 31 Dec; nothing more is posted to it.
 */
public record YearClosed(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher) implements LedgerEvent {
}
