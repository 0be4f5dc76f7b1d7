package org.budgetledger.projection.reports.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 执行进度: the whole unit's (or department's, by {@code scope}) budget execution at each month end; of one project
 * when {@code project} names it (null: all).
 */
public record ExecutionSeries(String unit, int year, Instant knownAt, String scope, String scale, String project,
                              List<Point> points) {

    /**
     * @param rate      executed / full-year budget in percent, two decimals; empty when the budget is 0
     * @param committed open commitments (冻结) at the date (SPEC §14)
     * @param scheduled executed plus the open commitments' scheduled payments due by the date
     * @param elapsed   序时进度: the day of the year of the date, counting it, ÷ the days of the year, in percent,
     *                  two decimals, half-up
     */
    @Schema(name = "ExecutionPoint")
    public record Point(LocalDate date, String fullYearBudget, String executed, String rate, String committed,
                        String scheduled, String elapsed) {
    }
}
