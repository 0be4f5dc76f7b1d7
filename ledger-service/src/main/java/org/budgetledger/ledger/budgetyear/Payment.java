package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A payment of this unit-year, as refunds are checked against it: what its {@code PaymentMade} event says
 * (its counterparty too, which its refunds carry).
 * A busy unit-year has a million of them, so a payment is one small object: the amount in fen and the date
 * as its epoch day, not objects of their own, and the line id and economic code shared with every other
 * payment. What was refunded of it is the budget year's state ({@code refundedFen}), not the payment's.
 */
record Payment(String id, String lineId, String economic, int epochDay, long amountFen, String counterparty) {

    /** The payment its event records: in memory ({@link BudgetYearState}) or found in the store ({@link StoredPayments}). */
    static Payment of(PaymentMade paid, String lineId) {
        // a counterparty is one of a few units: shared, like the economic code
        String counterparty = paid.counterparty() == null ? null : paid.counterparty().intern();
        return new Payment(paid.transactionId(), lineId, paid.economic().intern(),
                Math.toIntExact(paid.effectiveDate().toEpochDay()), paid.amount().fen(), counterparty);
    }

    LocalDate date() {
        return LocalDate.ofEpochDay(epochDay);
    }

    /** The rejection of a refund this payment cannot take, given what was refunded of it already; empty when it can. */
    Optional<Rejection> checkRefund(Money refund, LocalDate refundDate, long refundedFen) {
        if (refundDate.isBefore(date())) {
            return Optional.of(Rejection.of(ProblemCode.DATE_BEFORE_PAYMENT,
                    "refund dated " + refundDate + " is before payment " + id + " of " + date()));
        }
        Money refundable = Money.ofFen(amountFen - refundedFen);
        if (refundable.isLessThan(refund)) {
            return Optional.of(Rejection.of(ProblemCode.REFUND_EXCEEDS_PAYMENT,
                    "payment " + id + " of " + Money.ofFen(amountFen) + " 元 has " + refundable
                            + " 元 left to refund; the refund asks for " + refund + " 元"));
        }
        return Optional.empty();
    }
}
