package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/**
 * 发生额 of a unit-year: every amount posted to it, each counted positive (a cut as much as an increase, a
 * refund as much as a payment, a transfer once, a carry-over by all it brings in), and the limit on it.
 *
 * <p>Why a limit, and why this one. Amounts are {@code long} 分, which hold 9.22 × 10^18 分. An amount becomes
 * at most four facts of the reports (a TRANSFER: adjustment and fiscal income, out of one line and into
 * another), and a report cell or a side of an identity adds at most three sums of facts (公开01表 row 62 =
 * 58 + 59 + 60), so a unit-year whose turnover is T 分 needs at most 12 T in any report. T ≤ 10^15 分 (10 万亿元:
 * a third of the whole national general public budget, far beyond any 预算单位) keeps that at 1.2 × 10^16 分,
 * 1/768 of a long: room to add up the unit-years of a department of several hundred units (SPEC §13)
 * exactly. Inside the budget year nothing exceeds T either (a line's budget and paid amount, a fund
 * balance, 三公 spending), so its arithmetic cannot overflow. A 三公 limit is no amount posted, but one
 * beyond the limit could never be spent, so it is refused too. Kept in the budget year's snapshots, by its field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class Turnover {

    static final long LIMIT_FEN = 1_000_000_000_000_000L;

    private long fen;

    /** The rejection of an amount that would take the turnover beyond the limit; empty when it fits. */
    Optional<Rejection> check(Money amount, String unit, int year) {
        long amountFen = Math.abs(amount.fen());
        if (amountFen > LIMIT_FEN - Math.min(fen, LIMIT_FEN)) {
            return Optional.of(Rejection.of(ProblemCode.AMOUNT_LIMIT_EXCEEDED, "the amounts posted to unit "
                    + unit + " in " + year + " add up to " + Money.ofFen(fen) + " 元 (each counted"
                    + " positive); this transaction's " + Money.ofFen(amountFen) + " 元 would take them beyond "
                    + Money.ofFen(LIMIT_FEN) + " 元, the most one budget year holds"));
        }
        return Optional.empty();
    }

    /** The rejection of a 三公 limit that no spending of a unit-year could ever reach; empty when it could. */
    static Optional<Rejection> checkLimit(Money limit) {
        if (limit.fen() > LIMIT_FEN) {
            return Optional.of(Rejection.of(ProblemCode.AMOUNT_LIMIT_EXCEEDED, "a limit of " + limit
                    + " 元 is beyond " + Money.ofFen(LIMIT_FEN) + " 元, the most one budget year holds"));
        }
        return Optional.empty();
    }

    Money amount() {
        return Money.ofFen(fen);
    }

    /**
     * Counts an amount that was posted. Saturates instead of failing: events stored before the limit existed
     * may add up to more than a long, and sourcing them must never fail.
     */
    void add(Money amount) {
        long amountFen = Math.abs(amount.fen());
        fen = amountFen > Long.MAX_VALUE - fen ? Long.MAX_VALUE : fen + amountFen;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Turnover that && fen == that.fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }
}
