package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/** A payment of this unit-year, kept so that refunds can be checked against it. */
record Payment(String id, String lineId, String economic, LocalDate date, Money amount, Money refunded) {

    void checkRefund(Money refund, LocalDate refundDate) {
        if (refundDate.isBefore(date)) {
            throw new TransactionRejected(ProblemCode.DATE_BEFORE_PAYMENT,
                    "refund dated " + refundDate + " is before payment " + id + " of " + date);
        }
        Money refundable = amount.minus(refunded);
        if (refundable.isLessThan(refund)) {
            throw new TransactionRejected(ProblemCode.REFUND_EXCEEDS_PAYMENT,
                    "payment " + id + " of " + amount + " 元 has " + refundable + " 元 left to refund; the refund asks for "
                            + refund + " 元");
        }
    }

    Payment withRefund(Money refund) {
        return new Payment(id, lineId, economic, date, amount, refunded.plus(refund));
    }
}
