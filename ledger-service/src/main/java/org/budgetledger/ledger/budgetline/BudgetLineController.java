package org.budgetledger.ledger.budgetline;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
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

    @GetMapping("/api/v1/budget-lines/{id}")
    BudgetLineState line(@PathVariable String id) {
        BudgetLineState line = jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no budget line " + id));
        Caller.current().requireReadable(line.unit(), "budget line " + id);
        return line;
    }
}
