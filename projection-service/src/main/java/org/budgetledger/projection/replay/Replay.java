package org.budgetledger.projection.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A replay's state as {@code GET /api/v1/audit/replays/{id}} shows it. {@code processed} only grows and
 * reaches {@code total} (the events on the topic when the replay started) when it succeeds. A replay waiting for
 * its turn is {@code RUNNING} too (it is not finished: clients wait for SUCCEEDED or FAILED), with nothing
 * processed yet and its {@code queuePosition} (1: next).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Replay(String id, String status, String unit, Integer year, Instant knownAt, Instant startedAt,
                     Instant finishedAt, long processed, long total, long eventsPerSecond, Long etaSeconds,
                     Boolean identical, Integer differenceCount, List<Difference> differences, String error,
                     Integer queuePosition) {

    /**
     * One cell where the live projection and the replayed one disagree: of a table, or of a commitment (table
     * {@code commitments}, row its id, column one of its figures).
     */
    public record Difference(String table, String unit, int year, String row, String column, String live, String replayed) {
    }

    static Replay running(Progress progress) {
        long elapsedMillis = Math.max(1, Duration.between(progress.startedAt(), Instant.now()).toMillis());
        long processed = progress.processed();
        long perSecond = processed * 1000 / elapsedMillis;
        Long eta = perSecond == 0 ? null : Math.max(0, (progress.total() - processed) / perSecond);
        return new Replay(progress.id(), "RUNNING", progress.unit(), progress.year(), progress.knownAt(),
                progress.startedAt(), null, processed, progress.total(), perSecond, eta, null, null, null, null, null);
    }

    static Replay waiting(Progress progress, int queuePosition) {
        return new Replay(progress.id(), "RUNNING", progress.unit(), progress.year(), progress.knownAt(), null, null,
                0, 0, 0, null, null, null, null, null, queuePosition);
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
