package org.budgetledger.projection.reports.monitoring;

import java.math.BigDecimal;

/**
 * When execution monitoring (SPEC §14) raises an alert ({@code budgetledger.monitoring.*}, README).
 *
 * @param lagPoints       BEHIND_SCHEDULE: the rate is more than this many percentage points below 序时进度
 * @param forecastPercent YEAR_END_FORECAST: paid plus scheduled by 31 December is below this percent of the
 *                        full-year budget
 */
public record Thresholds(BigDecimal lagPoints, BigDecimal forecastPercent) {

    /** THREE_PUBLIC_NEAR_LIMIT: a category's spending at this percent of its limit or more (SPEC §14, fixed). */
    public static final BigDecimal NEAR_LIMIT_PERCENT = BigDecimal.valueOf(80);

    public Thresholds {
        if (lagPoints == null || lagPoints.signum() < 0 || forecastPercent == null || forecastPercent.signum() < 0) {
            throw new IllegalArgumentException("the monitoring thresholds are percentages of 0 or more, not "
                    + lagPoints + " and " + forecastPercent);
        }
    }
}
