package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * A payment of this unit-year, kept so that refunds can be checked against it. A busy unit-year holds a
 * million of them in memory, so a payment is one small object: amounts in fen and the date as its epoch
 * day, not objects of their own, and the line id and economic code shared with every other payment.
 */
record Payment(String id, String lineId, String economic, int epochDay, long amountFen, long refundedFen) {

    static Payment of(String id, BudgetLine line, String economic, LocalDate date, Money amount) {
        return new Payment(id, line.id(), economic.intern(), Math.toIntExact(date.toEpochDay()), amount.fen(), 0);
    }

    LocalDate date() {
        return LocalDate.ofEpochDay(epochDay);
    }

    void checkRefund(Money refund, LocalDate refundDate) {
        if (refundDate.isBefore(date())) {
            throw new TransactionRejected(ProblemCode.DATE_BEFORE_PAYMENT,
                    "refund dated " + refundDate + " is before payment " + id + " of " + date());
        }
        Money refundable = Money.ofFen(amountFen - refundedFen);
        if (refundable.isLessThan(refund)) {
            throw new TransactionRejected(ProblemCode.REFUND_EXCEEDS_PAYMENT,
                    "payment " + id + " of " + Money.ofFen(amountFen) + " 元 has " + refundable
                            + " 元 left to refund; the refund asks for " + refund + " 元");
        }
    }

    Payment withRefund(Money refund) {
        return new Payment(id, lineId, economic, epochDay, amountFen, Math.addExact(refundedFen, refund.fen()));
    }
}
