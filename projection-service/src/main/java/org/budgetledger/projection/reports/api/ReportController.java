package org.budgetledger.projection.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.digests.DigestStatement;
import org.budgetledger.projection.digests.LedgerDigests;
import org.budgetledger.web.security.Caller;
import org.budgetledger.projection.departments.InternalFlowChecks;
import org.budgetledger.projection.departments.AppliedRegister;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.Freshness;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.export.FormHtml;
import org.budgetledger.projection.reports.export.FormWorkbook;
import org.budgetledger.projection.reports.export.ReportCsv;
import org.budgetledger.projection.reports.export.ReportJson;
import org.budgetledger.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** The reports' parameters and examples are documented by {@link ReportApiDocs}. */
@Tag(name = "Reports (决算公开表)")
@RestController
class ReportController {

    private final FactQueries facts;
    private final Consolidation consolidation;
    private final Freshness freshness;
    private final Clock clock;
    /** Names the unit and the rows as of (asOf, knownAt) (SPEC §12). */
    private final AppliedRegister register;
    /** Access (a grant of a unit reads its department, SPEC §13), freshness, scope and scale. */
    private final ReportRequests requests;
    /** 执行进度 with the commitments (SPEC §14). */
    private final ProgressSeries progress;
    /** The ledger's signed digest a report states (SPEC §16). */
    private final LedgerDigests ledgerDigests;

    ReportController(FactQueries facts, Consolidation consolidation, Freshness freshness, ReportRequests requests,
                     AppliedRegister register, ProgressSeries progress, LedgerDigests ledgerDigests) {
        this.facts = facts;
        this.consolidation = consolidation;
        this.freshness = freshness;
        this.clock = requests.clock();
        this.register = register;
        this.requests = requests;
        this.progress = progress;
        this.ledgerDigests = ledgerDigests;
    }

    /** The last event sequence the projection applied. */
    @Operation(summary = "The last event sequence the projection applied (数据新鲜度)",
            description = "Compare with the sequence a POST answered, or pass it as minSequence to a report.")
    @ApiResponse(responseCode = "200", description = "The sequence")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @GetMapping("/api/v1/reports/freshness")
    Map<String, Object> freshness() {
        return Map.of("sequence", freshness.lastApplied());
    }

    record ReportedYears(String unit, List<Integer> years) {
    }

    /** The years the projection holds events of for the unit, oldest first: what there is to report on. */
    @Operation(summary = "The years a unit has data of (可查询年度)")
    @ApiResponse(responseCode = "200", description = "The years, oldest first")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @GetMapping("/api/v1/reports/{unit}/years")
    ReportedYears years(@PathVariable String unit) {
        requests.requireReadable(unit);
        return new ReportedYears(unit, facts.years(unit));
    }

    /**
     * T01 … T09 or execution, as JSON (default), CSV with the published tables' headers, XLSX in the official
     * layout, or that layout as an HTML fragment (what the web UI shows).
     */
    @Operation(summary = "A report at any point in time (决算公开表 T01 … T09, 预算执行)", description = """
            One of the nine 部门决算公开表 or the execution report of a unit-year, computed from the events kept by \
            asOf (effective date) and knownAt (recording instant), in 元 or 万元; as JSON, CSV, XLSX in the \
            official layout, or that layout as an HTML fragment.""")
    @ApiResponse(responseCode = "200", description = "The report, in the format asked for")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read, or no such table")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/{table}")
    ResponseEntity<?> report(@PathVariable String unit, @PathVariable int year, @PathVariable String table,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) Instant knownAt,
                             @RequestParam(defaultValue = "yuan") String scale,
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(defaultValue = "department") String scope,
                             @RequestParam(required = false) Long minSequence,
                             @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        ReportPeriod period = ReportPeriod.resolve(year, asOf, knownAt, clock);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        ReportTable reportTable = ReportTables.byName(table)
                .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no report " + table
                        + "; reports are " + ReportTables.all().keySet()));
        Scale cellScale = parseScale(scale);
        Scope reportScope = parseScope(scope);
        ReportInputs inputs = register.named(
                consolidation.inputs(Caller.current(), unit, year, period, reportScope).consolidated(), period);
        String unitName = register.nameAt(unit, period);
        Report report = new Report(reportTable, unit, year, period.asOf(), period.knownAt(), cellScale,
                reportTable.rows(inputs), reportScope, unitName, ledgerDigests.covering(period.knownAt()));
        return switch (format) {
            case "json" -> ResponseEntity.ok(ReportJson.of(report));
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", unitName == null
                            ? "attachment; filename=\"" + unit + "-" + year + "-" + table + ".csv\""
                            : attachment(fileName(unit, unitName, year + "-" + table) + ".csv"))
                    .body(ReportCsv.write(report));
            case "xlsx" -> xlsx(fileName(unit, unitName, year + "-" + table), List.of(report),
                    anythingRecorded(unit, year, period, reportScope, inputs));
            case "html" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(FormHtml.write(report, true, anythingRecorded(unit, year, period, reportScope, inputs)));
            default -> throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "format must be json, csv, xlsx or html",
                    List.of(new FieldError("format", "json, csv, xlsx or html")));
        };
    }

    /**
     * Whether anything of the unit-year is recorded by the period's knownAt, at any effective date: a report with no
     * sums at its asOf may still be of a year with data (effective later), which the screen and the XLSX show as zeros.
     */
    private boolean anythingRecorded(String unit, int year, ReportPeriod period, Scope scope, ReportInputs atAsOf) {
        if (!atAsOf.sums().isEmpty() || !atAsOf.limitsFen().isEmpty()) {
            return true;
        }
        ReportInputs ever = consolidation.inputs(Caller.current(), unit, year,
                new ReportPeriod(LocalDate.of(9999, 12, 31), period.knownAt()), scope).consolidated();
        return !ever.sums().isEmpty() || !ever.limitsFen().isEmpty();
    }

    /** The nine 公开表 and the execution report in one XLSX workbook, a sheet each, in the official layouts. */
    @Operation(summary = "All ten reports as one XLSX workbook (决算公开表工作簿)",
            description = "A sheet per report in the official layouts; 万元 unless scale says otherwise.")
    @ApiResponse(responseCode = "200", description = "The workbook (an attachment)")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/workbook")
    ResponseEntity<byte[]> workbook(@PathVariable String unit, @PathVariable int year,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(required = false) Instant knownAt,
                                    @RequestParam(defaultValue = "wanyuan") String scale,
                                    @RequestParam(defaultValue = "department") String scope,
                                    @RequestParam(required = false) Long minSequence,
                                    @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        ReportPeriod period = ReportPeriod.resolve(year, asOf, knownAt, clock);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        Scale cellScale = parseScale(scale);
        Scope reportScope = parseScope(scope);
        ReportInputs inputs = register.named(
                consolidation.inputs(Caller.current(), unit, year, period, reportScope).consolidated(), period);
        String unitName = register.nameAt(unit, period);
        List<Report> reports = new ArrayList<>();
        DigestStatement ledgerDigest = ledgerDigests.covering(period.knownAt());
        ReportTables.all().values().forEach(table -> reports.add(new Report(table, unit, year, period.asOf(),
                period.knownAt(), cellScale, table.rows(inputs), reportScope, unitName, ledgerDigest)));
        return xlsx(fileName(unit, unitName, year + "-决算公开表"), reports,
                anythingRecorded(unit, year, period, reportScope, inputs));
    }

    /** @param recorded whether anything of the unit-year is recorded by knownAt: when not, each sheet says so */
    private static ResponseEntity<byte[]> xlsx(String fileName, List<Report> reports, boolean recorded) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", attachment(fileName + ".xlsx"))
                .body(FormWorkbook.write(reports, recorded));
    }

    /**
     * A download's name: the unit's code and, when the projection knows it, its name (the CSV itself has no 部门
     * line: its first line is the published table's header, SPEC §6), then what it holds.
     */
    private static String fileName(String unit, String unitName, String what) {
        return unit + (unitName == null ? "" : "-" + unitName) + "-" + what;
    }

    private static String attachment(String fileName) {
        return org.springframework.http.ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build()
                .toString();
    }

    /** The consistency identities (勾稽关系) on the same (asOf, knownAt); with exact amounts all hold. */
    @Operation(summary = "The consistency identities of the reports (勾稽关系校验)",
            description = "Every identity between the tables on the same asOf and knownAt; with exact amounts all hold.")
    @ApiResponse(responseCode = "200", description = "Each identity with both sides, and whether all hold")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/checks")
    Map<String, Object> checks(@PathVariable String unit, @PathVariable int year,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) Instant knownAt,
                               @RequestParam(defaultValue = "department") String scope,
                               @RequestParam(required = false) Long minSequence,
                               @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        ReportPeriod period = ReportPeriod.resolve(year, asOf, knownAt, clock);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        Scope reportScope = parseScope(scope);
        DepartmentInputs inputs = consolidation.inputs(Caller.current(), unit, year, period, reportScope);
        List<Check> checks = new ArrayList<>(ConsistencyChecks.evaluate(inputs.consolidated()));
        checks.addAll(InternalFlowChecks.of(inputs.internalFlows(), register.namesAt(period)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unit);
        body.put("year", year);
        body.put("asOf", period.asOf());
        body.put("knownAt", period.knownAt());
        body.put("scope", reportScope.parameterValue());
        body.put("ok", checks.stream().allMatch(Check::ok));
        body.put("checks", checks);
        return body;
    }

    /**
     * 执行进度: the whole unit's (or one project's) executed amount and rate at each month end from {@code from} to
     * {@code to}, with the commitments (SPEC §14): committed, scheduled and 序时进度.
     */
    @Operation(summary = "Budget execution at each month end (执行进度)",
            description = """
                    The whole unit's (or department's, or one project's) full-year budget, executed amount and rate at \
                    each month end from `from` to `to`; the open commitments (`committed`), what is paid plus what \
                    the open commitments schedule by the date (`scheduled`), and 序时进度 (`elapsed`).""")
    @ApiResponse(responseCode = "200", description = "One point per month end")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/execution/series")
    ExecutionSeries series(@PathVariable String unit, @PathVariable int year,
                           @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                           @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
                           @RequestParam(defaultValue = "month") String step,
                           @RequestParam(required = false) Instant knownAt,
                           @RequestParam(defaultValue = "yuan") String scale,
                           @RequestParam(defaultValue = "department") String scope,
                           @RequestParam(required = false) String project,
                           @RequestParam(required = false) Long minSequence,
                           @RequestParam(required = false) String wait) {
        requests.requireReadable(unit);
        Scope reportScope = parseScope(scope);
        if (!step.equals("month")) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "step must be month", List.of(new FieldError("step", "month")));
        }
        Scale cellScale = parseScale(scale);
        ReportPeriod.requireInCalendar(year, null, knownAt);
        YearMonth first = from == null ? YearMonth.of(year, 1) : from;
        YearMonth last = to == null ? YearMonth.of(year, 12) : to;
        if (last.isBefore(first) || first.getYear() != year || last.getYear() != year) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "from and to must be months of " + year + ", from ≤ to",
                    List.of(new FieldError("from", "a month of " + year)));
        }
        Instant known = knownAt == null ? clock.instant() : knownAt;
        requests.requireApplied(unit, year, scope, minSequence, wait, ProgressSeries.periods(first, last, known));
        String ofProject = project == null || project.isEmpty() ? null : project;
        return progress.of(Caller.current(), unit, year, first, last, known, reportScope, cellScale, ofProject);
    }

    private static Scope parseScope(String scope) {
        return ReportRequests.parseScope(scope);
    }

    private static Scale parseScale(String scale) {
        return ReportRequests.parseScale(scale);
    }
}
