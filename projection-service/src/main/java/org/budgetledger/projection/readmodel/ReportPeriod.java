package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The two time axes of a report (SPEC §3): {@code asOf} keeps events effective on or before that date,
 * {@code knownAt} keeps events recorded at or before that instant.
 */
public record ReportPeriod(LocalDate asOf, Instant knownAt) {

    /**
     * The calendar a report can be asked about: years 1 to 9999, the four-digit years of ISO 8601, inside what
     * PostgreSQL's dates and timestamps hold. Anything beyond is no point in any ledger's history.
     */
    static final LocalDate DATE_MIN = LocalDate.of(1, 1, 1);
    static final LocalDate DATE_MAX = LocalDate.of(9999, 12, 31);
    static final Instant INSTANT_MIN = DATE_MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant INSTANT_MAX = DATE_MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

    /**
     * The defaults: asOf is 31 Dec of the year, or today while the year is running; knownAt is now.
     * "Today" is the calendar day of the clock's zone. A date or an instant outside years 1 to 9999 is a
     * validation failure.
     */
    public static ReportPeriod resolve(int year, LocalDate asOf, Instant knownAt, Clock clock) {
        requireInCalendar(year, asOf, knownAt);
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate defaultAsOf = today.getYear() == year && today.isBefore(yearEnd) ? today : yearEnd;
        return new ReportPeriod(asOf == null ? defaultAsOf : asOf, knownAt == null ? clock.instant() : knownAt);
    }

    /** Refuses (400) a year, an {@code asOf} or a {@code knownAt} outside years 1 to 9999; any may be absent. */
    public static void requireInCalendar(Integer year, LocalDate asOf, Instant knownAt) {
        List<FieldError> errors = new ArrayList<>();
        if (year != null && (year < DATE_MIN.getYear() || year > DATE_MAX.getYear())) {
            errors.add(new FieldError("year", "a year from " + DATE_MIN.getYear() + " to " + DATE_MAX.getYear()));
        }
        if (asOf != null && (asOf.isBefore(DATE_MIN) || asOf.isAfter(DATE_MAX))) {
            errors.add(new FieldError("asOf", "a date from " + DATE_MIN + " to " + DATE_MAX));
        }
        if (knownAt != null && (knownAt.isBefore(INSTANT_MIN) || knownAt.isAfter(INSTANT_MAX))) {
            errors.add(new FieldError("knownAt", "an instant from " + INSTANT_MIN + " to " + INSTANT_MAX));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "a report is asked about years 1 to 9999", errors);
        }
    }
}
