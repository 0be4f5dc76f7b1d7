package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * 预算指标: the unit of budget control. {@code budget = initial + adjustments}, {@code paid = payments −
 * refunds}, {@code committed} = what open commitments (冻结, SPEC §14) hold, {@code available = budget − paid −
 * committed}; neither budget nor available is ever negative. Immutable: applying an event gives the line's next state.
 *
 * @param economicRestriction null, or the 3- or 5-digit economic group or code every payment must fall under
 */
record BudgetLine(String id, Fund fund, String subject, Kind kind, String project, String economicRestriction,
                  LineOrigin origin, LocalDate createdOn, Money initial, Money adjustments, Money paid,
                  Money committed) {

    /** The kinds of expenditure that go to another unit of the ledger: 对附属单位补助支出, 上缴上级支出. */
    private static final Set<Kind> INTERNAL_KINDS = EnumSet.of(Kind.SUBSIDY_AFFILIATE, Kind.REMIT_SUPERIOR);

    static BudgetLine created(String id, Fund fund, String subject, Kind kind, String project,
                              String economicRestriction, LineOrigin origin, LocalDate createdOn, Money initial) {
        return new BudgetLine(id, fund, subject, kind, project, economicRestriction, origin, createdOn, initial,
                Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** The rejection of a payment this line cannot make; empty when it can. */
    Optional<Rejection> checkPayment(String economic, Money amount, LocalDate date) {
        return checkEconomic(economic).or(() -> checkDate("payment", date)).or(() -> checkAvailable("payment", amount));
    }

    /** The rejection of a payment of this economic code, which the line's restriction does not allow; empty when it does. */
    Optional<Rejection> checkEconomic(String economic) {
        if (economicRestriction != null && !economic.startsWith(economicRestriction)) {
            return Optional.of(Rejection.of(ProblemCode.ECONOMIC_MISMATCH,
                    "budget line " + id + " may only pay economic code " + economicRestriction
                            + (economicRestriction.length() == 3 ? "xx" : "") + ", not " + economic));
        }
        return Optional.empty();
    }

    /** The rejection of a {@code what} (payment, commitment) dated before the line was created; empty when it is not. */
    Optional<Rejection> checkDate(String what, LocalDate date) {
        if (date.isBefore(createdOn)) {
            return Optional.of(Rejection.of(ProblemCode.DATE_BEFORE_LINE,
                    what + " dated " + date + " is before budget line " + id + " was created on " + createdOn));
        }
        return Optional.empty();
    }

    /** The rejection of a {@code what} (payment, commitment) of more than the line has available; empty when it fits. */
    Optional<Rejection> checkAvailable(String what, Money amount) {
        if (available().isLessThan(amount)) {
            return Optional.of(Rejection.of(ProblemCode.INSUFFICIENT_BALANCE,
                    "budget line " + id + " has " + available() + " 元 available"
                            + (committed.isZero() ? "" : " (" + committed + " 元 more is committed)")
                            + "; the " + what + " asks for " + amount + " 元"));
        }
        return Optional.empty();
    }

    /**
     * Only a payment from a line of 对附属单位补助支出 or 上缴上级支出 names the unit it goes to (SPEC §13): a
     * counterparty is refused on any other line; empty when there is none or the line takes it.
     */
    Optional<Rejection> checkCounterparty(String counterparty) {
        if (counterparty == null || INTERNAL_KINDS.contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(BudgetYear.counterpartyRefused("only for a payment from a line of kind SUBSIDY_AFFILIATE"
                + " or REMIT_SUPERIOR (an internal flow); line " + id + " is " + kind));
    }

    /** Only lines of this year's appropriations can be adjusted or transferred (SPEC §11: no 收回 of carry-overs). */
    Optional<Rejection> checkAdjustable() {
        if (origin != LineOrigin.APPROPRIATION) {
            return Optional.of(Rejection.of(ProblemCode.LINE_NOT_ADJUSTABLE,
                    "budget line " + id + " comes from " + origin + "; only appropriated lines can be adjusted or transferred"));
        }
        return Optional.empty();
    }

    /**
     * The rejection of a change of budget that would leave less budget than was paid and committed already; empty
     * when it fits.
     */
    Optional<Rejection> checkBudgetChange(Money delta) {
        if (available().plus(delta).isNegative()) {
            return Optional.of(Rejection.of(ProblemCode.INSUFFICIENT_BALANCE,
                    "budget line " + id + " has " + available() + " 元 available; it cannot lose " + delta.negate() + " 元"));
        }
        return Optional.empty();
    }

    BudgetLine withAdjustment(Money delta) {
        return new BudgetLine(id, fund, subject, kind, project, economicRestriction, origin, createdOn, initial,
                adjustments.plus(delta), paid, committed);
    }

    BudgetLine withPayment(Money amount) {
        return new BudgetLine(id, fund, subject, kind, project, economicRestriction, origin, createdOn, initial,
                adjustments, paid.plus(amount), committed);
    }

    /** A commitment made ({@code delta} > 0), or paid from or released ({@code delta} < 0). */
    BudgetLine withCommitment(Money delta) {
        return new BudgetLine(id, fund, subject, kind, project, economicRestriction, origin, createdOn, initial,
                adjustments, paid, committed.plus(delta));
    }

    Money budget() {
        return initial.plus(adjustments);
    }

    /** What a carry-over brings into the next year (SPEC §14): what is available and what is committed. */
    Money unpaid() {
        return budget().minus(paid);
    }

    Money available() {
        return unpaid().minus(committed);
    }
}
