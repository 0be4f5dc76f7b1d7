package org.budgetledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 支付: an expenditure of {@code amount} from a budget line, carrying the line's dimensions (fund, subject,
 * kind, project) and the payment's 5-digit economic code. {@code counterparty} (SPEC §13) is the unit paid, for a
 * subsidy to an affiliate or a remittance to the superior; absent otherwise, and then absent from the stored JSON.
 * {@code commitment} (SPEC §14) names the commitment the payment is made under; {@code procurement} and
 * {@code activity} (SPEC §15) mark a 政府采购 and count what was paid for. Each of the four optional fields is absent
 * from the stored JSON when not given, so that a payment without them is stored as before they existed.
 */
public record PaymentMade(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
        Money amount, String payee, PaymentMethod method,
        @JsonInclude(JsonInclude.Include.NON_NULL) String counterparty,
        @JsonInclude(JsonInclude.Include.NON_NULL) String commitment,
        @JsonInclude(JsonInclude.Include.NON_NULL) Procurement procurement,
        @JsonInclude(JsonInclude.Include.NON_NULL) Activity activity) implements LedgerEvent {

    /** A payment to no unit of the ledger: its stored form is the one of every payment before counterparties. */
    public PaymentMade(String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
                       String memo, String voucher,
                       String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
                       Money amount, String payee, PaymentMethod method) {
        this(transactionId, unit, year, effectiveDate, principal, memo, voucher, lineId, origin, fund, subject, kind, project,
                economic, amount, payee, method, null);
    }

    /** A payment with a counterparty and none of the fields of SPEC §14–§15. */
    public PaymentMade(String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
                       String memo, String voucher,
                       String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project, String economic,
                       Money amount, String payee, PaymentMethod method, String counterparty) {
        this(transactionId, unit, year, effectiveDate, principal, memo, voucher, lineId, origin, fund, subject, kind, project,
                economic, amount, payee, method, counterparty, null, null, null);
    }
}
