package org.budgetledger.ledger.budgetline;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of budget lines that one commit stores, written with one batched statement per kind: the lines it
 * opens, then, per column, each line's moves summed. The view ends as if each change had been written in turn:
 * a line is opened before anything moves it (an event moves only lines opened before it), and moves add up.
 */
final class LineWrites {

    private static final String INSERT = """
            INSERT INTO ledger.budget_line (id, unit, year, fund, subject, kind, project, economic, origin,
                created_on, initial_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A line of a unit: line ids are unique per unit (SPEC §4 v2), another unit may have a line of the same id. */
    private record LineOfUnit(String unit, String lineId) {
    }

    private final List<Object[]> opened = new ArrayList<>();
    private final Map<LineChanges.Column, Map<LineOfUnit, Long>> moved = new EnumMap<>(LineChanges.Column.class);

    void add(String unit, List<LineChanges.LineChange> changes) {
        for (LineChanges.LineChange change : changes) {
            if (change instanceof LineChanges.Opened line) {
                opened.add(new Object[]{line.lineId(), line.unit(), line.year(), line.fund().name(), line.subject(),
                        line.kind() == null ? null : line.kind().name(), line.project(), line.economic(),
                        line.origin().name(), Date.valueOf(line.createdOn()), line.initialFen()});
            } else if (change instanceof LineChanges.Moved move) {
                moved.computeIfAbsent(move.column(), column -> new LinkedHashMap<>())
                        .merge(new LineOfUnit(unit, move.lineId()), move.deltaFen(), Long::sum);
            }
        }
    }

    /** Writes the changes added so far, and forgets them. */
    void write(JdbcTemplate jdbc) {
        if (!opened.isEmpty()) {
            jdbc.batchUpdate(INSERT, opened);
            opened.clear();
        }
        for (Map.Entry<LineChanges.Column, Map<LineOfUnit, Long>> column : moved.entrySet()) {
            List<LineOfUnit> lines = new ArrayList<>(column.getValue().keySet());
            List<Object[]> arguments = lines.stream()
                    .map(line -> new Object[]{column.getValue().get(line), line.lineId(), line.unit()}).toList();
            String name = column.getKey().name;
            int[] updated = jdbc.batchUpdate("UPDATE ledger.budget_line SET " + name + " = " + name
                    + " + ? WHERE id = ? AND unit = ?", arguments);
            for (int index = 0; index < updated.length; index++) {
                if (updated[index] != 1) {
                    throw new IllegalStateException("budget line " + lines.get(index).lineId() + " of unit "
                            + lines.get(index).unit() + " is missing from the view");
                }
            }
        }
        moved.clear();
    }
}
