package org.budgetledger.projection.replay;

import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.catalog.ReportTables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table of every unit-year, live against replayed, cell by cell (exact 元); and every commitment
 * ({@link CommitmentDiff}).
 */
final class ReadModelDiff {

    static final int DIFFERENCES_MAX = 1_000;

    private ReadModelDiff() {
    }

    record UnitYear(String unit, int year) {
    }

    /** The differences of one unit-year: the first {@value #DIFFERENCES_MAX}, and how many there are. */
    record Outcome(List<Replay.Difference> differences, long count) {
        static final Outcome NONE = new Outcome(List.of(), 0);
    }

    /** The differences found: the first {@value #DIFFERENCES_MAX}, and how many. */
    static final class Differences {
        private final List<Replay.Difference> first = new ArrayList<>();
        private long count;

        void add(Replay.Difference difference) {
            count++;
            if (first.size() < DIFFERENCES_MAX) {
                first.add(difference);
            }
        }

        Outcome outcome() {
            return count == 0 ? Outcome.NONE : new Outcome(first, count);
        }
    }

    /** The read models' tables, and their commitments. */
    record Side(FactQueries facts, MonitoringQueries commitments) {
    }

    static Outcome compare(UnitYear unitYear, Instant knownAt, Side live, Side replayed) {
        Differences differences = new Differences();
        compareTables(unitYear, knownAt, live.facts(), replayed.facts(), differences);
        CommitmentDiff.compare(unitYear, knownAt, live.commitments(), replayed.commitments(), differences);
        return differences.outcome();
    }

    private static void compareTables(UnitYear unitYear, Instant knownAt, FactQueries live, FactQueries replayed,
                                      Differences differences) {
        ReportPeriod period = new ReportPeriod(LocalDate.of(unitYear.year(), 12, 31), knownAt);
        ReportInputs liveInputs = live.inputs(unitYear.unit(), unitYear.year(), period);
        ReportInputs replayedInputs = replayed.inputs(unitYear.unit(), unitYear.year(), period);
        if (sameInputs(liveInputs, replayedInputs)) {
            return; // every table is a function of its inputs
        }
        for (ReportTable table : ReportTables.all().values()) {
            Map<String, ReportRow> liveRows = byKey(table.rows(liveInputs));
            Map<String, ReportRow> replayedRows = byKey(table.rows(replayedInputs));
            Set<String> keys = new LinkedHashSet<>(liveRows.keySet());
            keys.addAll(replayedRows.keySet());
            for (String key : keys) {
                for (Column column : table.columns()) {
                    String liveValue = value(liveRows.get(key), column);
                    String replayedValue = value(replayedRows.get(key), column);
                    if (!liveValue.equals(replayedValue)) {
                        differences.add(new Replay.Difference(table.name(), unitYear.unit(), unitYear.year(), key,
                                column.key(), liveValue, replayedValue));
                    }
                }
            }
        }
    }

    /** The same sums (in whatever order the database gave them: each is one group) and the same limits. */
    private static boolean sameInputs(ReportInputs one, ReportInputs other) {
        return one.sums().size() == other.sums().size() && new HashSet<>(one.sums()).equals(new HashSet<>(other.sums()))
                && one.limitsFen().equals(other.limitsFen());
    }

    private static Map<String, ReportRow> byKey(List<ReportRow> rows) {
        Map<String, ReportRow> byKey = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            String key = row.line() != null ? row.side() + ":" + row.line()
                    : row.part() != null ? row.code() + ":" + row.part() : row.code();
            byKey.put(key, row);
        }
        return byKey;
    }

    /** The cell as the API prints it in exact 元, "" when the row or the cell is absent. */
    private static String value(ReportRow row, Column column) {
        if (row == null) {
            return "";
        }
        String value = column.text(row, Scale.YUAN);
        return value == null ? "" : value;
    }
}
