package org.budgetledger.projection.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report (SPEC §6): the table, for which unit-year, at which point of both time axes, in which scale, its rows,
 * and whose report it is (SPEC §13: the department's or the unit's own).
 */
public record Report(ReportTable table, String unit, int year, LocalDate asOf, Instant knownAt, Scale scale,
                     List<ReportRow> rows, Scope scope) {

    /** The report of the default scope, the department's (the unit's own when it has no descendants). */
    public Report(ReportTable table, String unit, int year, LocalDate asOf, Instant knownAt, Scale scale,
                  List<ReportRow> rows) {
        this(table, unit, year, asOf, knownAt, scale, rows, Scope.DEPARTMENT);
    }

    /** The cell as the API prints it, or null when the row leaves it empty. */
    public String text(ReportRow row, Column column) {
        return column.text(row, scale);
    }

    /** The cell as a form prints it: the number the API prints, or "" for an empty cell. */
    public Object number(ReportRow row, Column column) {
        String text = text(row, column);
        return text == null || text.isEmpty() ? "" : new BigDecimal(text);
    }
}
