package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 预算指标: the unit of budget control. {@code budget = initial + adjustments}, {@code paid = payments −
 * refunds}, {@code available = budget − paid}; neither budget nor available is ever negative.
 */
final class BudgetLine {

    private final String id;
    private final Fund fund;
    private final String subject;
    private final Kind kind;
    private final String project;
    /** null, or the 3- or 5-digit economic code (or group) that every payment must fall under. */
    private final String economicRestriction;
    private final LineOrigin origin;
    private final LocalDate createdOn;
    private final Money initial;
    private Money adjustments = Money.ZERO;
    private Money paid = Money.ZERO;

    BudgetLine(String id, Fund fund, String subject, Kind kind, String project, String economicRestriction,
               LineOrigin origin, LocalDate createdOn, Money initial) {
        this.id = id;
        this.fund = fund;
        this.subject = subject;
        this.kind = kind;
        this.project = project;
        this.economicRestriction = economicRestriction;
        this.origin = origin;
        this.createdOn = createdOn;
        this.initial = initial;
    }

    /** Rejects a payment this line cannot make; returns normally when it can. */
    void checkPayment(String economic, Money amount, LocalDate date) {
        if (economicRestriction != null && !economic.startsWith(economicRestriction)) {
            throw new TransactionRejected(ProblemCode.ECONOMIC_MISMATCH,
                    "budget line " + id + " may only pay economic code " + economicRestriction
                            + (economicRestriction.length() == 3 ? "xx" : "") + ", not " + economic);
        }
        if (date.isBefore(createdOn)) {
            throw new TransactionRejected(ProblemCode.DATE_BEFORE_LINE,
                    "payment dated " + date + " is before budget line " + id + " was created on " + createdOn);
        }
        if (available().isLessThan(amount)) {
            throw new TransactionRejected(ProblemCode.INSUFFICIENT_BALANCE,
                    "budget line " + id + " has " + available() + " 元 available; the payment asks for "
                            + amount + " 元");
        }
    }

    void recordPayment(Money amount) {
        paid = paid.plus(amount);
    }

    Money budget() {
        return initial.plus(adjustments);
    }

    Money available() {
        return budget().minus(paid);
    }

    String id() {
        return id;
    }

    Fund fund() {
        return fund;
    }

    String subject() {
        return subject;
    }

    Kind kind() {
        return kind;
    }

    String project() {
        return project;
    }

    LineOrigin origin() {
        return origin;
    }
}
