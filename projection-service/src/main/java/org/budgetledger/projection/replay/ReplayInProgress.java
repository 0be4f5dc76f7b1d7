package org.budgetledger.projection.replay;

import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.projection.readmodel.ReadModelWriter;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A replay asked for and not finished: waiting its turn, then running. The counters are written by the replay's
 * threads and read by status requests.
 */
final class ReplayInProgress implements Replay.Progress {
    private final String id;
    private final String unit;
    private final Integer year;
    private final Instant knownAt;
    /** Set when the replay leaves the queue; read by status requests. */
    private volatile Instant startedAt;
    final AtomicLong processed = new AtomicLong();
    final AtomicLong total = new AtomicLong();

    ReplayInProgress(String id, String unit, Integer year, Instant knownAt) {
        this.id = id;
        this.unit = unit;
        this.year = year;
        this.knownAt = knownAt;
    }

    void startedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** Whether the event is one of the replay's: of its unit and year, if it names them, and known at its knownAt. */
    boolean keeps(ReadModelWriter.Delivered delivered) {
        boolean ofTheReplay = !(delivered.event() instanceof LedgerEvent event) // units and catalog codes name every report
                || (unit == null || unit.equals(event.unit())) && (year == null || year == event.year());
        return ofTheReplay && !delivered.envelope().recordedAt().isAfter(knownAt);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public Integer year() {
        return year;
    }

    @Override
    public Instant knownAt() {
        return knownAt;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public long processed() {
        return processed.get();
    }

    @Override
    public long total() {
        return total.get();
    }
}
