package org.budgetledger.ledger.budgetline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.ledger.units.UnitIds;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Budget lines (预算指标)")
@RestController
class BudgetLineController {

    private static final String COLUMNS = "SELECT id, unit, year, fund, subject, kind, project, economic, origin, "
            + "initial_fen, adjustments_fen, paid_fen, committed_fen FROM ledger.budget_line ";
    private static final RowMapper<BudgetLineState> ROW = (row, number) -> BudgetLineState.of(row.getString("id"),
            row.getString("unit"), row.getInt("year"), row.getString("fund"), row.getString("subject"),
            row.getString("kind"), row.getString("project"), row.getString("economic"), row.getString("origin"),
            row.getLong("initial_fen"), row.getLong("adjustments_fen"), row.getLong("paid_fen"), row.getLong("committed_fen"));

    private final JdbcClient jdbc;
    private final UnitAccess access;

    BudgetLineController(JdbcClient jdbc, RegisteredUnitTree units) {
        this.jdbc = jdbc;
        this.access = units.access();
    }

    /** The lines of a unit, of one year or of all years, in order of creation date and id. */
    @Operation(summary = "List a unit's budget lines (预算指标)",
            description = "With initial budget, adjustments, budget, paid, committed (held by open commitments, SPEC §14) "
                    + "and available, in 元; by year, creation date and id.")
    @Parameter(name = "unit", description = "the budget unit's code")
    @Parameter(name = "year", description = "only the lines of this budget year; all years if absent")
    @ApiResponse(responseCode = "200", description = "The lines")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @GetMapping("/api/v1/budget-lines")
    List<BudgetLineState> lines(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        access.requireReadable(Caller.current(), unit, "unit " + unit);
        return jdbc.sql(COLUMNS + "WHERE unit = ? AND (?::int IS NULL OR year = ?) ORDER BY year, created_on, id")
                .params(unit, year, year).query(ROW).list();
    }

    /**
     * The unit's line with this id; without a unit, the only one of a unit the caller sees (a line is named after
     * the transaction that created it, and transaction ids are unique per unit: SPEC §4 v2).
     */
    @Operation(summary = "Read a budget line (预算指标)")
    @Parameter(name = "id", description = "the line's id: the id of the transaction that created it")
    @ApiResponse(responseCode = "200", description = "The line")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such line in a unit the caller may read")
    @Parameter(name = "unit", description = "the unit whose line it is; may be left out when exactly one unit "
            + "the caller may read has this id")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: several units the caller may read have this id; "
            + "name the unit")
    @GetMapping("/api/v1/budget-lines/{id}")
    BudgetLineState line(@PathVariable String id, @RequestParam(required = false) String unit) {
        return UnitIds.resolve(jdbc.sql(COLUMNS + "WHERE id = ? ORDER BY unit").param(id).query(ROW).list(),
                BudgetLineState::unit, unit, Caller.current(), access, "budget line " + id);
    }
}
