package org.budgetledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 支付退回: part or all of a payment came back: expenditure falls by {@code amount} on the payment's
 * dimensions, and the line's available balance rises by it. {@code counterparty} is the refunded payment's
 * (so that a consolidation leaves the refund out where it left the payment out).
 */
public record PaymentRefunded(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String paymentId, String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
        Money amount, @JsonInclude(JsonInclude.Include.NON_NULL) String counterparty) implements LedgerEvent {

    /** A refund of a payment to no unit of the ledger. */
    public PaymentRefunded(String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
                           String memo, String voucher,
                           String paymentId, String lineId, LineOrigin origin, Fund fund, String subject, Kind kind,
                           String project, String economic, Money amount) {
        this(transactionId, unit, year, effectiveDate, principal, memo, voucher, paymentId, lineId, origin, fund, subject,
                kind, project, economic, amount, null);
    }
}
