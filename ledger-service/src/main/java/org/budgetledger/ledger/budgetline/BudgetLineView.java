package org.budgetledger.ledger.budgetline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;

/**
 * Keeps {@code ledger.budget_line} in step with the events, inside the transaction that stores them
 * (subscribing processor, errors propagate): a posting and its line state commit together or not at all.
 */
@Component
@ProcessingGroup(BudgetLineView.PROCESSING_GROUP)
class BudgetLineView {

    static final String PROCESSING_GROUP = "budget-line-view";

    private final JdbcClient jdbc;

    BudgetLineView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetAppropriated event) {
        insert(event.lineId(), event.unit(), event.year(), event.fund(), event.subject(), event.kind(), event.project(),
                event.economic(), LineOrigin.APPROPRIATION, event.effectiveDate(), event.amount());
    }

    @EventHandler
    void on(OpeningBalanceRecorded event) {
        if (event.lineId() != null) {
            insert(event.lineId(), event.unit(), event.year(), event.fund(), event.subject(), event.kind(),
                    event.project(), event.economic(), LineOrigin.OPENING, event.effectiveDate(), event.amount());
        }
    }

    @EventHandler
    void on(BalancesCarriedIn event) {
        for (CarriedLine line : event.lines()) {
            insert(line.lineId(), event.unit(), event.year(), line.fund(), line.subject(), line.kind(), line.project(),
                    line.economic(), LineOrigin.CARRY_OVER, event.effectiveDate(), line.amount());
        }
    }

    @EventHandler
    void on(BudgetAdjusted event) {
        change("adjustments_fen", event.unit(), event.lineId(), event.amount());
    }

    @EventHandler
    void on(BudgetTransferred event) {
        change("adjustments_fen", event.unit(), event.fromLineId(), event.amount().negate());
        change("adjustments_fen", event.unit(), event.toLineId(), event.amount());
    }

    @EventHandler
    void on(PaymentMade event) {
        change("paid_fen", event.unit(), event.lineId(), event.amount());
    }

    @EventHandler
    void on(PaymentRefunded event) {
        change("paid_fen", event.unit(), event.lineId(), event.amount().negate());
    }

    private void insert(String id, String unit, int year, Fund fund, String subject, Kind kind, String project,
                        String economic, LineOrigin origin, LocalDate createdOn, Money initial) {
        jdbc.sql("""
                        INSERT INTO ledger.budget_line (id, unit, year, fund, subject, kind, project, economic, origin,
                            created_on, initial_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, unit, year, fund.name(), subject, kind == null ? null : kind.name(), project, economic,
                        origin.name(), Date.valueOf(createdOn), initial.fen())
                .update();
    }

    /** Line ids are unique per unit (SPEC §4 v2): another unit may have a line of the same id. */
    private void change(String column, String unit, String lineId, Money delta) {
        int updated = jdbc.sql("UPDATE ledger.budget_line SET " + column + " = " + column + " + ? WHERE id = ? AND unit = ?")
                .params(delta.fen(), lineId, unit).update();
        if (updated != 1) {
            throw new IllegalStateException("budget line " + lineId + " of unit " + unit + " is missing from the view");
        }
    }
}
