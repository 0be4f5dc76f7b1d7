package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 使用非财政拨款结余和专用结余: accumulated non-fiscal surplus brought in to fund this year.
 */
public record ReserveUsed(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String subject, Money amount) implements LedgerEvent {
}
