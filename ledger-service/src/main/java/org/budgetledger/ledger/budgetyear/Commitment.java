package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 用款冻结 (SPEC §14): money of a budget line promised to a contract. What is paid under it and what is released
 * leave it; the rest is {@link #open()}, which its line holds as {@code committed}. A refund of a payment under it
 * returns the money to the line's available, not to the commitment. Immutable: applying an event gives its next state.
 *
 * @param date     when it was made (in a year it was carried into: 1 January)
 * @param paid     what was paid under it (refunds do not give it back)
 * @param schedule the expected payments, earliest first, summing to {@code amount}; empty when none was given
 */
record Commitment(String id, String lineId, LocalDate date, Money amount, Money paid, Money released,
                  String contract, String payee, List<ScheduledPayment> schedule) {

    static Commitment made(String id, String lineId, LocalDate date, Money amount, String contract, String payee,
                           List<ScheduledPayment> schedule) {
        return new Commitment(id, lineId, date, amount, Money.ZERO, Money.ZERO, contract, payee, List.copyOf(schedule));
    }

    Money open() {
        return amount.minus(paid).minus(released);
    }

    /** The scheduled payments still expected (SPEC §14: payments use the earliest, releases remove the latest). */
    List<ScheduledPayment> openSchedule() {
        return OpenSchedule.of(schedule, paid.fen(), released.fen());
    }

    /** A payment names a commitment of its own line only. */
    Optional<Rejection> checkLine(String paidLineId) {
        if (!lineId.equals(paidLineId)) {
            return Optional.of(Rejection.of(ProblemCode.COMMITMENT_MISMATCH, "commitment " + id + " is of budget line "
                    + lineId + ", not of " + paidLineId));
        }
        return Optional.empty();
    }

    /** A {@code what} (payment, release) under this commitment is not dated before it. */
    Optional<Rejection> checkDate(String what, LocalDate postingDate) {
        if (postingDate.isBefore(date)) {
            return Optional.of(Rejection.of(ProblemCode.DATE_BEFORE_COMMITMENT,
                    what + " dated " + postingDate + " is before commitment " + id + " of " + date));
        }
        return Optional.empty();
    }

    /** A {@code what} (payment, release) of at most what is still open of this commitment, and of something. */
    Optional<Rejection> checkOpen(String what, Money asked) {
        if (open().isLessThan(asked) || open().isZero()) {
            return Optional.of(Rejection.of(ProblemCode.COMMITMENT_EXCEEDED, "commitment " + id + " of " + amount
                    + " 元 has " + open() + " 元 open (paid " + paid + " 元, released " + released + " 元); the " + what
                    + " asks for " + asked + " 元"));
        }
        return Optional.empty();
    }

    Commitment withPayment(Money amountPaid) {
        return new Commitment(id, lineId, date, amount, paid.plus(amountPaid), released, contract, payee, schedule);
    }

    Commitment withRelease(Money amountReleased) {
        return new Commitment(id, lineId, date, amount, paid, released.plus(amountReleased), contract, payee, schedule);
    }
}
