package org.budgetledger.ledger.budgetline;

import org.budgetledger.ledger.units.UnitIds;
import org.budgetledger.web.security.Caller;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class BudgetLineController {

    private static final String COLUMNS = "SELECT id, unit, year, fund, subject, kind, project, economic, origin, "
            + "initial_fen, adjustments_fen, paid_fen FROM ledger.budget_line ";
    private static final RowMapper<BudgetLineState> ROW = (row, number) -> BudgetLineState.of(row.getString("id"),
            row.getString("unit"), row.getInt("year"), row.getString("fund"), row.getString("subject"),
            row.getString("kind"), row.getString("project"), row.getString("economic"), row.getString("origin"),
            row.getLong("initial_fen"), row.getLong("adjustments_fen"), row.getLong("paid_fen"));

    private final JdbcClient jdbc;

    BudgetLineController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines of a unit, of one year or of all years, in order of creation date and id. */
    @GetMapping("/api/v1/budget-lines")
    List<BudgetLineState> lines(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        Caller.current().requireReadable(unit, "unit " + unit);
        return jdbc.sql(COLUMNS + "WHERE unit = ? AND (?::int IS NULL OR year = ?) ORDER BY year, created_on, id")
                .params(unit, year, year).query(ROW).list();
    }

    /**
     * The unit's line with this id; without a unit, the only one of a unit the caller sees (a line is named after
     * the transaction that created it, and transaction ids are unique per unit: SPEC §4 v2).
     */
    @GetMapping("/api/v1/budget-lines/{id}")
    BudgetLineState line(@PathVariable String id, @RequestParam(required = false) String unit) {
        return UnitIds.resolve(jdbc.sql(COLUMNS + "WHERE id = ? ORDER BY unit").param(id).query(ROW).list(),
                BudgetLineState::unit, unit, Caller.current(), "budget line " + id);
    }
}
