package org.budgetledger.projection.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A replay's state as {@code GET /api/v1/audit/replays/{id}} shows it. {@code processed} only grows and
 * reaches {@code total} (the events on the topic when the replay started) when it succeeds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Replay(String id, String status, String unit, Integer year, Instant knownAt, Instant startedAt,
                     Instant finishedAt, long processed, long total, long eventsPerSecond, Long etaSeconds,
                     Boolean identical, Integer differenceCount, List<Difference> differences, String error) {

    /** One cell where the live projection and the replayed one disagree. */
    public record Difference(String table, String unit, int year, String row, String column, String live, String replayed) {
    }

    static Replay running(Progress progress) {
        long elapsedMillis = Math.max(1, Duration.between(progress.startedAt(), Instant.now()).toMillis());
        long processed = progress.processed();
        long perSecond = processed * 1000 / elapsedMillis;
        Long eta = perSecond == 0 ? null : Math.max(0, (progress.total() - processed) / perSecond);
        return new Replay(progress.id(), "RUNNING", progress.unit(), progress.year(), progress.knownAt(),
                progress.startedAt(), null, processed, progress.total(), perSecond, eta, null, null, null, null);
    }

    /** The mutable side of a running replay, read by status requests while the replay thread writes it. */
    interface Progress {
        String id();

        String unit();

        Integer year();

        Instant knownAt();

        Instant startedAt();

        long processed();

        long total();
    }
}
