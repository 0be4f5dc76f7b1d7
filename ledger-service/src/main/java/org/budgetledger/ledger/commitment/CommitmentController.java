package org.budgetledger.ledger.commitment;

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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The commitments of a unit (SPEC §14), read as budget lines are: scoped to the units the caller may read. */
@Tag(name = "Commitments (用款冻结)")
@RestController
class CommitmentController {

    private static final String COLUMNS = "SELECT id, unit, year, line_id, made_on, contract, payee, amount_fen, paid_fen, "
            + "released_fen, schedule::text AS schedule, carried_from, carried_into FROM ledger.commitment ";
    private static final RowMapper<CommitmentState> ROW = (row, number) -> CommitmentState.of(row.getString("id"),
            row.getString("unit"), row.getInt("year"), row.getString("line_id"), row.getObject("made_on", java.time.LocalDate.class),
            row.getString("contract"), row.getString("payee"), row.getLong("amount_fen"), row.getLong("paid_fen"),
            row.getLong("released_fen"), CommitmentChanges.schedule(row.getString("schedule")),
            row.getObject("carried_from", Integer.class), row.getObject("carried_into", Integer.class));

    private final JdbcClient jdbc;
    private final UnitAccess access;

    CommitmentController(JdbcClient jdbc, RegisteredUnitTree units) {
        this.jdbc = jdbc;
        this.access = units.access();
    }

    /** The commitments of a unit, of one year (or all) and one line (or all), by year, date and id. */
    @Operation(summary = "List a unit's commitments (用款冻结)", description = """
            Each with its amount, what was paid under it and released of it, what is open, and the scheduled \
            payments still open, in 元; by year, date and id. A commitment a carry-over moved into the next year \
            is listed in both years under its id: in the closed one as it stood on 31 December (`carriedInto`), in \
            the next with what was open then (`carriedFrom`).""")
    @Parameter(name = "unit", description = "the budget unit's code")
    @Parameter(name = "year", description = "only the commitments of this budget year; all years if absent")
    @Parameter(name = "line", description = "only the commitments of this budget line; all lines if absent")
    @ApiResponse(responseCode = "200", description = "The commitments")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @GetMapping("/api/v1/commitments")
    List<CommitmentState> commitments(@RequestParam String unit, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String line) {
        access.requireReadable(Caller.current(), unit, "unit " + unit);
        return jdbc.sql(COLUMNS + """
                        WHERE unit = ? AND (?::int IS NULL OR year = ?) AND (?::text IS NULL OR line_id = ?)
                        ORDER BY year, made_on, id""")
                .params(unit, year, year, line, line).query(ROW).list();
    }

    /**
     * The unit's commitment with this id: of the year asked for, else of the latest year that has it (where what is
     * open of it can still be paid). Without a unit, the only one of a unit the caller sees (SPEC §4 v2).
     */
    @Operation(summary = "Read a commitment (用款冻结)")
    @Parameter(name = "id", description = "the commitment's id: the id of the COMMIT that made it")
    @Parameter(name = "unit", description = "the unit whose commitment it is; may be left out when exactly one unit "
            + "the caller may read has this id")
    @Parameter(name = "year", description = "the budget year; if absent, the latest year that has the commitment "
            + "(a carry-over moves an open commitment into the next year, under the same id)")
    @ApiResponse(responseCode = "200", description = "The commitment")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: several units the caller may read have this id; "
            + "name the unit")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such commitment in a unit the caller may read")
    @GetMapping("/api/v1/commitments/{id}")
    CommitmentState commitment(@PathVariable String id, @RequestParam(required = false) String unit,
                               @RequestParam(required = false) Integer year) {
        List<CommitmentState> latestPerUnit = new ArrayList<>();
        Set<String> units = new HashSet<>();
        for (CommitmentState row : jdbc.sql(COLUMNS + "WHERE id = ? AND (?::int IS NULL OR year = ?) ORDER BY unit, year DESC")
                .params(id, year, year).query(ROW).list()) {
            if (units.add(row.unit())) {
                latestPerUnit.add(row);
            }
        }
        return UnitIds.resolve(latestPerUnit, CommitmentState::unit, unit, Caller.current(), access, "commitment " + id);
    }
}
