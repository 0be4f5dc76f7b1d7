package org.budgetledger.projection.consuming;

import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit-years stopped at an event the projection cannot apply however often it tries (a deterministic data error: a
 * value the read model refuses, an amount that overflows). Retrying would stop every unit-year behind it for ever;
 * skipping it would leave its amounts out of the figures without a word. So the event is held with its error
 * ({@code projection.held_event}, V18), and so is every later event of its unit-year, in sequence order: the
 * unit-year's reports stay what they were before the event (a report asked with a later {@code minSequence} answers
 * 409), health names it, the log says {@code event=projection_parked} once; the other unit-years go on. After a fix,
 * re-processing ({@link ParkedEvents#reprocess}) applies the held events in order.
 */
@Repository
public class StoppedUnitYears {

    private static final Logger log = LoggerFactory.getLogger(StoppedUnitYears.class);
    /** How many stopped unit-years health lists (the count is always whole). */
    static final int LISTED_MAX = 20;
    private static final int ERROR_CHARS_MAX = 1_000;
    private static final int RESUME_PASSES_MAX = 10;

    /** The unit-year an event belongs to; a register's event (a unit's, the catalog's): its key, year 0. */
    record UnitYear(String unit, int year) {

        static UnitYear of(RecordedEvent event) {
            if (event instanceof LedgerEvent ledgerEvent) {
                return new UnitYear(ledgerEvent.unit(), ledgerEvent.year());
            }
            if (event instanceof UnitYearProfileSet profile) {
                return new UnitYear(profile.unit(), profile.year());
            }
            if (event instanceof ReferenceTablesRecorded reference) {
                return new UnitYear(reference.unit(), reference.year());
            }
            return new UnitYear(event.key(), 0);
        }
    }

    /** A stopped unit-year as health shows it: the event it stopped at and why, and how many events are held. */
    public record Stopped(String unit, int year, long sequence, String error, long heldEvents) {
    }

    /** What re-processing did: the held events it applied, and those still held (behind an event that still fails). */
    public record Resumed(int applied, int stillHeld) {
    }

    private record Held(String unit, int year, long sequence, byte[] value) {
    }

    private final JdbcClient jdbc;

    StoppedUnitYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a failure to apply would recur on every retry: the database refused the data (SQL states 22, 23) or an
     * amount overflowed. A database away, a lost connection, a deadlock are not: those are retried until they pass.
     */
    static boolean deterministic(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException || cause instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    /** The unit-years stopped now (one query a batch). */
    Set<UnitYear> current() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT unit, year FROM projection.held_event")
                .query((row, number) -> new UnitYear(row.getString(1), row.getInt(2))).list());
    }

    /** Stops the event's unit-year at it: held with the error, said once in the log. */
    void stop(ReadModelWriter.Delivered delivered, byte[] value, Throwable failure) {
        UnitYear unitYear = UnitYear.of(delivered.event());
        String error = error(failure);
        hold(unitYear, delivered.envelope().sequence(), value, error);
        log.error("event=projection_parked unit={} year={} sequence={} type={} error=\"{}\" note=\"the unit-year's later "
                        + "events are held behind it; POST /api/v1/projection/parked-events:reprocess after a fix\"",
                unitYear.unit(), unitYear.year(), delivered.envelope().sequence(), delivered.envelope().type(), error);
    }

    /** Holds an event of a stopped unit-year behind the one it stopped at. */
    void holdBehind(ReadModelWriter.Delivered delivered, byte[] value) {
        hold(UnitYear.of(delivered.event()), delivered.envelope().sequence(), value, null);
    }

    private void hold(UnitYear unitYear, long sequence, byte[] value, String error) {
        jdbc.sql("INSERT INTO projection.held_event (unit, year, sequence, value, error) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (unit, year, sequence) DO UPDATE SET error = coalesce(EXCLUDED.error, held_event.error)")
                .params(unitYear.unit(), unitYear.year(), sequence, value, error).update();
    }

    /** The stopped unit-years, the first {@link #LISTED_MAX} by unit and year. */
    public List<Stopped> stopped() {
        return jdbc.sql("""
                        SELECT unit, year, min(sequence), (array_agg(error ORDER BY sequence))[1], count(*)
                        FROM projection.held_event GROUP BY unit, year ORDER BY unit, year LIMIT ?""")
                .param(LISTED_MAX)
                .query((row, number) -> new Stopped(row.getString(1), row.getInt(2), row.getLong(3), row.getString(4),
                        row.getLong(5))).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(DISTINCT (unit, year)) FROM projection.held_event").query(Long.class).single();
    }

    /**
     * Applies each stopped unit-year's held events in sequence order, removing each once applied; a unit-year whose
     * event fails again stays stopped there, with its new error. A failure that is not the data's is thrown. Passes
     * again while a pass applied something: the consumer may have held another event behind meanwhile.
     */
    Resumed resume(EventValueReader wireEvents, ReadModelWriter writer) {
        int applied = 0;
        for (int pass = 0, appliedInPass = 1; pass < RESUME_PASSES_MAX && appliedInPass > 0; pass++) {
            appliedInPass = resumeOnce(wireEvents, writer);
            applied += appliedInPass;
        }
        int stillHeld = jdbc.sql("SELECT count(*) FROM projection.held_event").query(Integer.class).single();
        log.info("event=held_events_reprocessed applied={} still_held={}", applied, stillHeld);
        return new Resumed(applied, stillHeld);
    }

    private int resumeOnce(EventValueReader wireEvents, ReadModelWriter writer) {
        Map<UnitYear, List<Held>> byUnitYear = new LinkedHashMap<>();
        jdbc.sql("SELECT unit, year, sequence, value FROM projection.held_event ORDER BY unit, year, sequence")
                .query((row, number) -> new Held(row.getString(1), row.getInt(2), row.getLong(3), row.getBytes(4))).list()
                .forEach(held -> byUnitYear.computeIfAbsent(new UnitYear(held.unit(), held.year()), key -> new ArrayList<>())
                        .add(held));
        int applied = 0;
        for (List<Held> events : byUnitYear.values()) {
            for (Held held : events) {
                Throwable stillFailing = apply(wireEvents, writer, held);
                if (stillFailing != null) {
                    jdbc.sql("UPDATE projection.held_event SET error = ? WHERE unit = ? AND year = ? AND sequence = ?")
                            .params(error(stillFailing), held.unit(), held.year(), held.sequence()).update();
                    break;
                }
                jdbc.sql("DELETE FROM projection.held_event WHERE unit = ? AND year = ? AND sequence = ?")
                        .params(held.unit(), held.year(), held.sequence()).update();
                applied++;
            }
        }
        return applied;
    }

    /** Applies a held event: null once applied, or why it still cannot be (a failure not the data's is thrown). */
    private static Throwable apply(EventValueReader wireEvents, ReadModelWriter writer, Held held) {
        try {
            writer.apply(List.of(wireEvents.read(held.value(), ReadModelWriter.Delivered::new)));
            return null;
        } catch (EventValueReader.Unreadable unreadable) {
            return unreadable;
        } catch (RuntimeException failure) {
            if (!deterministic(failure)) {
                throw failure;
            }
            return failure;
        }
    }

    /** The failure's own message (the database's, without the statement), bounded. */
    private static String error(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        String message = deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
        return message.length() <= ERROR_CHARS_MAX ? message : message.substring(0, ERROR_CHARS_MAX);
    }
}
