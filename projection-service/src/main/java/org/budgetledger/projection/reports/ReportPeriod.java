package org.budgetledger.projection.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The two time axes of a report (SPEC §3): {@code asOf} keeps events effective on or before that date,
 * {@code knownAt} keeps events recorded at or before that instant.
 */
public record ReportPeriod(LocalDate asOf, Instant knownAt) {

    /**
     * The defaults: asOf is 31 Dec of the year, or today while the year is running; knownAt is now.
     * "Today" is the calendar day of the clock's zone.
     */
    public static ReportPeriod resolve(int year, LocalDate asOf, Instant knownAt, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate defaultAsOf = today.getYear() == year && today.isBefore(yearEnd) ? today : yearEnd;
        return new ReportPeriod(asOf == null ? defaultAsOf : asOf, knownAt == null ? clock.instant() : knownAt);
    }
}
