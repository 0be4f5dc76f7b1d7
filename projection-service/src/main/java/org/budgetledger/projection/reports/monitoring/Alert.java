package org.budgetledger.projection.reports.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finding of execution monitoring (SPEC §14), as the alerts endpoint answers it: what ({@code code}), how
 * pressing ({@code severity}), about what ({@code subject}: {@code line}, {@code project} or {@code category}, and
 * its {@code id}), a sentence a finance officer reads ({@code detail}, in Chinese), and the figures it was computed
 * from (amounts in exact 元, rates and thresholds in percent, dates ISO), by name.
 */
public record Alert(String code, String severity, String subject, String id, String detail, Map<String, String> figures) {

    /** A line's or project's execution rate more than the lag allowed below 序时进度. */
    public static final String BEHIND_SCHEDULE = "BEHIND_SCHEDULE";
    /** A scheduled payment of a commitment whose date has passed, unpaid. */
    public static final String OVERDUE_COMMITMENT = "OVERDUE_COMMITMENT";
    /** What is paid and scheduled to be paid by 31 December falls short of the share of the budget expected. */
    public static final String YEAR_END_FORECAST = "YEAR_END_FORECAST";
    /** A 三公 category's spending at 80% or more of its limit. */
    public static final String THREE_PUBLIC_NEAR_LIMIT = "THREE_PUBLIC_NEAR_LIMIT";

    /** To be looked at: a trend that will become a problem if nothing changes. */
    public static final String WARNING = "WARNING";
    /** To be acted on: a contractor is already waiting for money, or a limit is used up. */
    public static final String CRITICAL = "CRITICAL";

    public static final String LINE = "line";
    public static final String PROJECT = "project";
    public static final String CATEGORY = "category";

    public Alert {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
