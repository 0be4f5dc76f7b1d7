package org.budgetledger.ledger.budgetline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.budgetledger.contracts.events.LedgerEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;

/**
 * Keeps {@code ledger.budget_line} in step with the events ({@link LineChanges}), inside the transaction that
 * stores them (subscribing processor, errors propagate): a posting and its line state commit together or not at all.
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
    void on(LedgerEvent event) {
        for (LineChanges.LineChange change : LineChanges.of(event)) {
            if (change instanceof LineChanges.Opened opened) {
                insert(opened);
            } else if (change instanceof LineChanges.Moved moved) {
                change(event.unit(), moved);
            }
        }
    }

    private void insert(LineChanges.Opened line) {
        jdbc.sql("""
                        INSERT INTO ledger.budget_line (id, unit, year, fund, subject, kind, project, economic, origin,
                            created_on, initial_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(line.lineId(), line.unit(), line.year(), line.fund().name(), line.subject(),
                        line.kind() == null ? null : line.kind().name(), line.project(), line.economic(), line.origin().name(),
                        Date.valueOf(line.createdOn()), line.initialFen())
                .update();
    }

    /** Line ids are unique per unit (SPEC §4 v2): another unit may have a line of the same id. */
    private void change(String unit, LineChanges.Moved moved) {
        String column = moved.column().name;
        int updated = jdbc.sql("UPDATE ledger.budget_line SET " + column + " = " + column + " + ? WHERE id = ? AND unit = ?")
                .params(moved.deltaFen(), moved.lineId(), unit).update();
        if (updated != 1) {
            throw new IllegalStateException("budget line " + moved.lineId() + " of unit " + unit + " is missing from the view");
        }
    }
}
