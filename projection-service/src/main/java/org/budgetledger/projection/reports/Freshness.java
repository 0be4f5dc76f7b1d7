package org.budgetledger.projection.reports;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * SPEC §7: how far the projection got. Events of one unit-year reach the projection in sequence order (one
 * Kafka key, one partition), so once it applied an event of the unit-year with sequence ≥ n, every earlier
 * event of that unit-year is applied too: a report asked with {@code minSequence=n} (the sequence a POST
 * answered) is then at least as fresh as that transaction. A registry event (a unit registered or changed, a
 * catalog code added: SPEC §12) travels under its own key, so its sequence says nothing of a unit-year's: a report
 * asked with the sequence a registration or change answered is fresh once that event itself is applied.
 */
@Component
public class Freshness {

    /** The longest a report request may wait for the projection. */
    public static final Duration WAIT_MAX = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final JdbcClient jdbc;

    Freshness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest sequence applied, over all unit-years. */
    public long lastApplied() {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM projection.applied_event").query(Long.class).single();
    }

    public long lastApplied(String unit, int year) {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM projection.applied_event WHERE unit = ? AND year = ?")
                .params(unit, year).query(Long.class).single();
    }

    /**
     * Whether every one of the units has applied an event of the year at or after that sequence, so that none of them
     * still has one before it on its way. The requested unit's own position alone says nothing of another unit's: their
     * events travel on other partitions, which may be behind.
     */
    private boolean everyUnitApplied(long sequence, int year, List<String> units) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM unnest(?::varchar[]) AS member(unit) WHERE NOT EXISTS ("
                        + "SELECT 1 FROM projection.applied_event a WHERE a.unit = member.unit AND a.year = ? AND a.sequence >= ?))")
                .params(units.toArray(String[]::new), year, sequence).query(Boolean.class).single();
    }

    /** Whether the event of that sequence is applied and is a registry event (no budget year's) or one of the units' year. */
    private boolean appliedWithin(long sequence, int year, List<String> units) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projection.applied_event WHERE sequence = ?"
                        + " AND (year IS NULL OR year = ? AND unit = ANY(?)))")
                .params(sequence, year, units.toArray(String[]::new)).query(Boolean.class).single();
    }

    /** {@code wait} as an ISO-8601 duration (e.g. {@code PT5S}), or null. */
    public static Duration parseWait(String wait) {
        if (wait == null) {
            return null;
        }
        try {
            return Duration.parse(wait);
        } catch (java.time.format.DateTimeParseException malformed) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "wait must be an ISO-8601 duration such as PT5S",
                    List.of(new FieldError("wait", "an ISO-8601 duration such as PT5S")));
        }
    }

    /**
     * Returns once the unit-year has applied {@code minSequence}, or that event itself, of one of {@code units}' year
     * (a department's report: its units' events travel under their own keys); waits up to {@code wait}, then 409.
     */
    public void require(String unit, int year, List<String> units, Long minSequence, Duration wait) {
        if (minSequence == null) {
            return;
        }
        if (wait != null && (wait.isNegative() || wait.compareTo(WAIT_MAX) > 0)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "wait must be between PT0S and " + WAIT_MAX,
                    List.of(new FieldError("wait", "at most " + WAIT_MAX)));
        }
        long deadlineNanos = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
        while (true) {
            long applied = lastApplied(unit, year);
            if (everyUnitApplied(minSequence, year, units) || appliedWithin(minSequence, year, units)) {
                return;
            }
            if (System.nanoTime() >= deadlineNanos) {
                throw new ApiProblem(ProblemCode.NOT_YET_APPLIED, "unit " + unit + ", year " + year + " is applied up to sequence "
                        + applied + "; " + minSequence + " is not applied yet");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ApiProblem(ProblemCode.SERVICE_UNAVAILABLE, "interrupted while waiting for the projection");
            }
        }
    }
}
