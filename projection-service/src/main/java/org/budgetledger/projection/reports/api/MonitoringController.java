package org.budgetledger.projection.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.monitoring.Alert;
import org.budgetledger.projection.reports.monitoring.ExecutionAlerts;
import org.budgetledger.projection.reports.monitoring.MonitoringInputs;
import org.budgetledger.projection.reports.monitoring.OpenCommitment;
import org.budgetledger.projection.reports.monitoring.Thresholds;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.budgetledger.web.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Execution monitoring (SPEC §14): the alerts of a unit-year and its commitments, at any (asOf, knownAt), of the
 * unit or its department, checked and fresh as every report. Parameters and examples: {@link ReportApiDocs}.
 */
@Tag(name = "Reports (决算公开表)")
@RestController
class MonitoringController {

    private final Consolidation consolidation;
    private final MonitoringQueries monitoring;
    private final ReportRequests requests;
    private final Thresholds thresholds;

    MonitoringController(Consolidation consolidation, MonitoringQueries monitoring, ReportRequests requests,
                         ProjectionSettings settings) {
        this.consolidation = consolidation;
        this.monitoring = monitoring;
        this.requests = requests;
        this.thresholds = new Thresholds(settings.monitoring().lagPoints(), settings.monitoring().forecastPercent());
    }

    @Operation(summary = "Execution alerts (执行预警): behind 序时进度, overdue commitments, year-end forecast, 三公 near its limit",
            description = """
                    A list of alerts, each `{code, severity, subject, id, detail, figures}`: BEHIND_SCHEDULE (a \\
                    project's or line's rate more than `budgetledger.monitoring.lag-points` points below 序时进度), \\
                    OVERDUE_COMMITMENT (a commitment's scheduled payment whose date has passed, unpaid; the subject is \\
                    its line), YEAR_END_FORECAST (paid plus scheduled by 31 December below \\
                    `budgetledger.monitoring.forecast-percent` of the full-year budget), THREE_PUBLIC_NEAR_LIMIT (a 三公 \\
                    category at 80% or more of a limit above 0). `figures` names what each was computed from (amounts \\
                    in 元); `detail` says it in Chinese. An empty list when nothing calls for attention.""")
    @ApiResponse(responseCode = "200", description = "The alerts, possibly none")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/alerts")
    List<Alert> alerts(@PathVariable String unit, @PathVariable int year,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       @RequestParam(required = false) Instant knownAt,
                       @RequestParam(defaultValue = "department") String scope,
                       @RequestParam(required = false) Long minSequence,
                       @RequestParam(required = false) String wait) {
        return ExecutionAlerts.of(inputs(unit, year, asOf, knownAt, scope, minSequence, wait), thresholds);
    }

    @Operation(summary = "Commitments (冻结) at any point in time",
            description = """
                    Every commitment of the unit-year made (or carried in) by asOf as known at knownAt: its line and \\
                    project, contract and payee, amount, what was paid under it and released of it by then, what the \\
                    year-end carry-over moved to the next year (from 1 January of that year), what is open and \\
                    overdue, its schedule and what is left of it (amounts in 元). In the order they were made.""")
    @ApiResponse(responseCode = "200", description = "The commitments, possibly none")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping("/api/v1/reports/{unit}/{year}/commitments")
    List<ReportedCommitment> commitments(@PathVariable String unit, @PathVariable int year,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         @RequestParam(required = false) Instant knownAt,
                                         @RequestParam(defaultValue = "department") String scope,
                                         @RequestParam(required = false) Long minSequence,
                                         @RequestParam(required = false) String wait) {
        MonitoringInputs inputs = inputs(unit, year, asOf, knownAt, scope, minSequence, wait);
        return inputs.commitments().stream().map(commitment -> ReportedCommitment.of(commitment, inputs)).toList();
    }

    private MonitoringInputs inputs(String unit, int year, LocalDate asOf, Instant knownAt, String scope, Long minSequence,
                                    String wait) {
        requests.requireReadable(unit);
        ReportPeriod period = requests.period(year, asOf, knownAt);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        // the report's own inputs first: they refuse a unit-year beyond what reports can sum, before any line is summed
        DepartmentInputs department = consolidation.inputs(Caller.current(), unit, year, period,
                ReportRequests.parseScope(scope));
        List<String> units = department.units();
        return new MonitoringInputs(year, period.asOf(), units.size() > 1, monitoring.lines(units, year, period),
                OpenCommitment.at(monitoring.movements(units, year, period.knownAt()), period), department.consolidated());
    }
}
