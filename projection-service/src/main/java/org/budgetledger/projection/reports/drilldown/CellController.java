package org.budgetledger.projection.reports.drilldown;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.api.ReportRequests;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Behind the reports (issue #20): the transactions of one cell, and what changed between two points. The same access,
 * freshness, scope and periods as the reports ({@link ReportRequests}); parameters and examples in {@link CellApiDocs}.
 */
@Tag(name = "Reports (决算公开表)")
@RestController
class CellController {

    /** The deepest page asked for: a page is skipped to by an offset, which the database reads past. */
    static final int PAGE_MAX = 100_000;

    private final ReportRequests requests;
    private final CellDrillDown drillDown;
    private final CellComparison comparison;

    CellController(ReportRequests requests, CellDrillDown drillDown, CellComparison comparison) {
        this.requests = requests;
        this.drillDown = drillDown;
        this.comparison = comparison;
    }

    @Operation(summary = "The transactions behind one cell of a report (穿透查询: 单元格 → 凭证)", description = """
            The transactions a cell adds up, at asOf and knownAt, in the scope: each with its amount as the cell counts \
            it, paged in the order of effective date then sequence; with the cell's amount as the report shows it and \
            the page's total. All pages sum to the cell exactly. Amounts in 元.""")
    @ApiResponse(responseCode = "200", description = "A page of the cell's transactions")
    @ApiResponse(responseCode = "400", description = "`UNKNOWN_CELL`: no such row or column in the table, or a rate; "
            + "`VALIDATION_FAILED`: a parameter out of range")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read, or no such table")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/{table}/cells")
    CellTransactions cells(@PathVariable String unit, @PathVariable int year, @PathVariable String table,
                           @Parameter(description = "the row: its code (TOTAL, a subject, an economic code, budget or "
                                   + "actual); in T01 and T04 {side}:{line} (expenditure:58) or a 类's code; in execution "
                                   + "{part}:{code} (all:TOTAL, current_fiscal:{project}; at department scope "
                                   + "{part}:{unit}/{project})") @RequestParam String row,
                           @Parameter(description = "the column, by its name in the report's JSON (total, basic, amount …); "
                                   + "not a rate") @RequestParam String column,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @RequestParam(required = false) Instant knownAt,
                           @RequestParam(defaultValue = "department") String scope,
                           @Parameter(description = "the page, from 0 (at most " + PAGE_MAX + ")")
                           @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "transactions per page, 1 to " + CellDrillDown.PAGE_SIZE_MAX)
                           @RequestParam(defaultValue = "50") int size,
                           @RequestParam(required = false) Long minSequence,
                           @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        ReportPeriod period = requests.period(year, asOf, knownAt);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        ReportTable reportTable = table(table);
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > PAGE_MAX) {
            errors.add(new FieldError("page", "from 0 to " + PAGE_MAX));
        }
        if (size < 1 || size > CellDrillDown.PAGE_SIZE_MAX) {
            errors.add(new FieldError("size", "from 1 to " + CellDrillDown.PAGE_SIZE_MAX));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "page or size out of range", errors);
        }
        return drillDown.page(unit, year, reportTable, row, column, period, ReportRequests.parseScope(scope), page, size);
    }

    @Operation(summary = "What changed in a report between two points (与已公开版本比较)", description = """
            The table at (asOf1, knownAt1) and at (asOf2, knownAt2) — each defaulting to asOf and knownAt, which default \
            as a report's do — and every cell whose amount differs, with the transactions kept at one point and not the \
            other (posted between the two knownAt, or effective between the two asOf) as each counts in the cell. \
            Amounts in 元.""")
    @ApiResponse(responseCode = "200", description = "The cells that differ, with their transactions")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: a parameter out of range")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read, or no such table")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/{table}/diff")
    CellChanges diff(@PathVariable String unit, @PathVariable int year, @PathVariable String table,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(required = false) Instant knownAt,
                     @Parameter(description = "the first point's effective date; default asOf")
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf1,
                     @Parameter(description = "the first point's instant of knowledge (e.g. when the tables were "
                             + "published); default knownAt") @RequestParam(required = false) Instant knownAt1,
                     @Parameter(description = "the second point's effective date; default asOf")
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf2,
                     @Parameter(description = "the second point's instant of knowledge; default knownAt")
                     @RequestParam(required = false) Instant knownAt2,
                     @RequestParam(defaultValue = "department") String scope,
                     @Parameter(description = "the most transactions listed per cell, 0 to "
                             + CellComparison.LISTED_PER_CELL_MAX + " (each cell says how many there are)")
                     @RequestParam(defaultValue = "20") int size,
                     @RequestParam(required = false) Long minSequence,
                     @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        ReportPeriod both = requests.period(year, asOf, knownAt);
        ReportPeriod first = requests.period(year, asOf1 == null ? both.asOf() : asOf1, knownAt1 == null ? both.knownAt() : knownAt1);
        ReportPeriod second = requests.period(year, asOf2 == null ? both.asOf() : asOf2, knownAt2 == null ? both.knownAt() : knownAt2);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(first, second));
        ReportTable reportTable = table(table);
        if (size < 0 || size > CellComparison.LISTED_PER_CELL_MAX) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "size out of range",
                    List.of(new FieldError("size", "from 0 to " + CellComparison.LISTED_PER_CELL_MAX)));
        }
        return comparison.compare(unit, year, reportTable, ReportRequests.parseScope(scope), first, second, size);
    }

    private static ReportTable table(String name) {
        return ReportTables.byName(name).orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no report " + name
                + "; reports are " + ReportTables.all().keySet()));
    }
}
