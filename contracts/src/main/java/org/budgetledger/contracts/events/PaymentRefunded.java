package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 支付退回: part or all of a payment came back: expenditure falls by {@code amount} on the payment's
 * dimensions, and the line's available balance rises by it.
 */
public record PaymentRefunded(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String paymentId, String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
        Money amount) implements LedgerEvent {
}
