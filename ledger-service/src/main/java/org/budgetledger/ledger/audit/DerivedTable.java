package org.budgetledger.ledger.audit;

import java.util.List;
import java.util.Optional;

/**
 * A table the ledger answers from beside its events and keeps in step with them; the events remain the truth.
 * Verification hands each such table every event it verified, in sequence order and within the snapshot it
 * reads the events in, and reports the first row that does not follow from them.
 */
public interface DerivedTable {

    /** Starts comparing the table with the events: memory bounded by the table's rows, not by the events. */
    Comparison compare();

    interface Comparison {

        /** The next verified events, in sequence order: a row they contradict, if any. */
        Optional<Disagreement> add(List<StoredEvent> events);

        /** After the last event: a row the whole history contradicts, or lacks, if any. */
        Optional<Disagreement> finish();
    }

    /**
     * A row of {@code table}, by its key {@code row}, that the events do not bear out; {@code sequence} and
     * {@code eventId} name the event it contradicts, if one does. {@code unit} is the unit the row is of, whose
     * auditors alone (and those of every unit) see which row it is and why (null for a row of no unit: a catalog's).
     */
    record Disagreement(String table, String row, Long sequence, String eventId, String problem, String unit) {

        /** A row of no unit's (a catalog's): shown to every auditor. */
        public Disagreement(String table, String row, Long sequence, String eventId, String problem) {
            this(table, row, sequence, eventId, problem, null);
        }

        /** The key of a row of a table keyed by unit and id (ids are unique per unit: SPEC §4 v2), as shown. */
        public static String row(String unit, String id) {
            return unit + "/" + id;
        }
    }
}
