package org.budgetledger.projection.reports.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 执行进度: the whole unit's (or department's, by {@code scope}) budget execution at each month end. */
public record ExecutionSeries(String unit, int year, Instant knownAt, String scope, String scale, List<Point> points) {

    /** @param rate executed / full-year budget in percent, two decimals; empty when the budget is 0 */
    @Schema(name = "ExecutionPoint")
    public record Point(LocalDate date, String fullYearBudget, String executed, String rate) {
    }
}
