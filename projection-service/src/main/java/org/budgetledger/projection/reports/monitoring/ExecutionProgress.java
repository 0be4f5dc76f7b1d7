package org.budgetledger.projection.reports.monitoring;

import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.execution.BudgetExecution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 执行进度 at one date (SPEC §6, §14): the full-year budget, what was paid and the rate, as the execution report has
 * them; what is committed; what is scheduled — paid, plus the open commitments' scheduled payments due by that date;
 * and 序时进度. Of the whole unit (or department), or of one project.
 *
 * @param scheduledFen paid plus what the open commitments schedule by the date (their overdue payments included)
 */
public record ExecutionProgress(LocalDate date, long fullYearFen, long executedFen, String rate, long committedFen,
                                long scheduledFen, BigDecimal elapsed) {

    /**
     * @param inputs      the report's summed facts at {@code date}
     * @param commitments the commitments as they stand at {@code date}
     * @param project     the project as the report names it ({unit}/{project} at department scope), or null: all
     */
    public static ExecutionProgress at(int year, LocalDate date, ReportInputs inputs, List<OpenCommitment> commitments,
                                       boolean consolidating, String project) {
        BudgetExecution.Totals totals = project == null ? BudgetExecution.Totals.ofUnit(inputs)
                : BudgetExecution.Totals.ofProject(inputs, project);
        long dueFen = 0;
        for (OpenCommitment commitment : commitments) {
            String named = consolidating ? DepartmentInputs.projectOf(commitment.unit(), commitment.project())
                    : commitment.project();
            if (project == null || project.equals(named)) {
                dueFen += commitment.dueByFen(date);
            }
        }
        return new ExecutionProgress(date, totals.fullYearFen(), totals.executedFen(), totals.rate(), totals.committedFen(),
                totals.executedFen() + dueFen, Elapsed.percent(year, date));
    }
}
