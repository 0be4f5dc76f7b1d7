package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 支付: an expenditure of {@code amount} from a budget line, carrying the line's dimensions (fund, subject,
 * kind, project) and the payment's 5-digit economic code.
 */
public record PaymentMade(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
        Money amount, String payee, PaymentMethod method) implements LedgerEvent {
}
