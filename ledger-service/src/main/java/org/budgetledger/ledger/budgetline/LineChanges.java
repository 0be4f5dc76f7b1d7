package org.budgetledger.ledger.budgetline;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;

import java.time.LocalDate;
import java.util.List;

/**
 * What an event does to the budget lines: opens lines, or moves their adjustments, their paid amount or what their
 * commitments hold (SPEC §14: a payment under a commitment moves its amount from committed to paid). The one
 * definition of a line's state, which {@link BudgetLineView} writes and {@link BudgetLineCheck} recomputes.
 */
final class LineChanges {

    sealed interface LineChange permits Opened, Moved {
    }

    /** A new line, of {@code initialFen}, dated {@code createdOn}. */
    record Opened(String lineId, String unit, int year, Fund fund, String subject, Kind kind, String project,
                  String economic, LineOrigin origin, LocalDate createdOn, long initialFen) implements LineChange {
    }

    /** A change of a line's {@code column} by {@code deltaFen}. */
    record Moved(String lineId, Column column, long deltaFen) implements LineChange {
    }

    enum Column {
        ADJUSTMENTS("adjustments_fen"), PAID("paid_fen"), COMMITTED("committed_fen");

        final String name;

        Column(String name) {
            this.name = name;
        }
    }

    private LineChanges() {
    }

    static List<LineChange> of(LedgerEvent event) {
        if (event instanceof BudgetAppropriated e) {
            return List.of(new Opened(e.lineId(), e.unit(), e.year(), e.fund(), e.subject(), e.kind(), e.project(), e.economic(),
                    LineOrigin.APPROPRIATION, e.effectiveDate(), e.amount().fen()));
        }
        if (event instanceof OpeningBalanceRecorded e && e.lineId() != null) {
            return List.of(new Opened(e.lineId(), e.unit(), e.year(), e.fund(), e.subject(), e.kind(), e.project(), e.economic(),
                    LineOrigin.OPENING, e.effectiveDate(), e.amount().fen()));
        }
        if (event instanceof BalancesCarriedIn e) {
            return e.lines().stream().<LineChange>map((CarriedLine line) -> new Opened(line.lineId(), e.unit(), e.year(),
                    line.fund(), line.subject(), line.kind(), line.project(), line.economic(), LineOrigin.CARRY_OVER,
                    e.effectiveDate(), line.amount().fen())).toList();
        }
        if (event instanceof BudgetAdjusted e) {
            return List.of(new Moved(e.lineId(), Column.ADJUSTMENTS, e.amount().fen()));
        }
        if (event instanceof BudgetTransferred e) {
            return List.of(new Moved(e.fromLineId(), Column.ADJUSTMENTS, -e.amount().fen()),
                    new Moved(e.toLineId(), Column.ADJUSTMENTS, e.amount().fen()));
        }
        if (event instanceof PaymentMade e && e.commitment() != null) {
            return List.of(new Moved(e.lineId(), Column.PAID, e.amount().fen()),
                    new Moved(e.lineId(), Column.COMMITTED, -e.amount().fen()));
        }
        if (event instanceof PaymentMade e) {
            return List.of(new Moved(e.lineId(), Column.PAID, e.amount().fen()));
        }
        if (event instanceof CommitmentMade e) {
            return List.of(new Moved(e.lineId(), Column.COMMITTED, e.amount().fen()));
        }
        if (event instanceof CommitmentReleased e) {
            return List.of(new Moved(e.lineId(), Column.COMMITTED, -e.amount().fen()));
        }
        if (event instanceof CommitmentCarriedOver e) {
            return List.of(new Moved(e.lineId(), Column.COMMITTED, e.amount().fen()));
        }
        if (event instanceof PaymentRefunded e) {
            return List.of(new Moved(e.lineId(), Column.PAID, -e.amount().fen()));
        }
        return List.of();
    }
}
