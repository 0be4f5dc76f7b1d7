package org.budgetledger.projection.reports.api;

import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.monitoring.ExecutionProgress;
import org.budgetledger.projection.reports.monitoring.OpenCommitment;
import org.budgetledger.web.security.Caller;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 执行进度 at each month end (SPEC §6, §14), each point the report at that date as known at knownAt: the department
 * as of that date, its summed facts, and its commitments as they stood then (read once for all the months).
 */
@Component
class ProgressSeries {

    private final Consolidation consolidation;
    private final MonitoringQueries monitoring;

    ProgressSeries(Consolidation consolidation, MonitoringQueries monitoring) {
        this.consolidation = consolidation;
        this.monitoring = monitoring;
    }

    /** @param project the project as the execution report names it, or null for the whole unit (or department) */
    ExecutionSeries of(Caller caller, String unit, int year, YearMonth first, YearMonth last, Instant knownAt, Scope scope,
                       Scale scale, String project) {
        List<ReportPeriod> periods = periods(first, last, knownAt);
        // one request: the department and the caller's access resolved once, not once a month
        List<DepartmentInputs> inputs = consolidation.inputs(caller, unit, year, periods, scope);
        Set<String> units = new LinkedHashSet<>();
        inputs.forEach(atMonthEnd -> units.addAll(atMonthEnd.units()));
        List<CommitmentMovement> movements = monitoring.movements(List.copyOf(units), year, knownAt);
        List<ExecutionSeries.Point> points = new ArrayList<>();
        for (int index = 0; index < periods.size(); index++) {
            ReportPeriod period = periods.get(index);
            DepartmentInputs atMonthEnd = inputs.get(index);
            Set<String> department = new HashSet<>(atMonthEnd.units());
            List<OpenCommitment> commitments = OpenCommitment.at(movements.stream()
                    .filter(movement -> department.contains(movement.unit())).toList(), period);
            ExecutionProgress progress = ExecutionProgress.at(year, period.asOf(), atMonthEnd.consolidated(), commitments,
                    atMonthEnd.units().size() > 1, project);
            points.add(point(progress, scale));
        }
        return new ExecutionSeries(unit, year, knownAt, scope.parameterValue(), scale.parameterValue(), project, points);
    }

    /** The month ends from {@code first} to {@code last}, each as known at {@code knownAt}. */
    static List<ReportPeriod> periods(YearMonth first, YearMonth last, Instant knownAt) {
        List<ReportPeriod> periods = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            periods.add(new ReportPeriod(month.atEndOfMonth(), knownAt));
        }
        return periods;
    }

    static ExecutionSeries.Point point(ExecutionProgress progress, Scale scale) {
        LocalDate date = progress.date();
        return new ExecutionSeries.Point(date, scale.format(progress.fullYearFen()), scale.format(progress.executedFen()),
                progress.rate(), scale.format(progress.committedFen()), scale.format(progress.scheduledFen()),
                progress.elapsed().toPlainString());
    }
}
