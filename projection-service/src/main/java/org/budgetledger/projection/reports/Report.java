package org.budgetledger.projection.reports;

import org.budgetledger.projection.digests.DigestStatement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report (SPEC §6): the table, for which unit-year, at which point of both time axes, in which scale, its rows;
 * whose report it is (SPEC §13: the department's or the unit's own); and the unit's name as of asOf, known at
 * knownAt (SPEC §12), which the form prints on its 部门 line.
 *
 * @param unitName     null when the projection knows no registration of the unit by knownAt: the 部门 line then
 *                     shows the code, as before units were events
 * @param ledgerDigest the ledger's signed digest that covers the report's knownAt (SPEC §16), or that none does yet;
 *                     null when the report states none (one made outside a request, such as the API's examples)
 */
public record Report(ReportTable table, String unit, int year, LocalDate asOf, Instant knownAt, Scale scale,
                     List<ReportRow> rows, Scope scope, String unitName, DigestStatement ledgerDigest) {

    public Report(ReportTable table, String unit, int year, LocalDate asOf, Instant knownAt, Scale scale,
                  List<ReportRow> rows, Scope scope, String unitName) {
        this(table, unit, year, asOf, knownAt, scale, rows, scope, unitName, null);
    }

    /** The same report, stating that digest. */
    public Report withLedgerDigest(DigestStatement statement) {
        return new Report(table, unit, year, asOf, knownAt, scale, rows, scope, unitName, statement);
    }

    /** A report of the default scope (the department's: the unit's own when it has none) of a unit the projection knows no name of. */
    public Report(ReportTable table, String unit, int year, LocalDate asOf, Instant knownAt, Scale scale,
                  List<ReportRow> rows) {
        this(table, unit, year, asOf, knownAt, scale, rows, Scope.DEPARTMENT, null);
    }

    /** What the form's 部门 line shows: the unit's name, or its code when the projection knows no name. */
    public String department() {
        return unitName != null ? unitName : unit;
    }

    /** The cell as the API prints it, or null when the row leaves it empty. */
    public String text(ReportRow row, Column column) {
        return column.text(row, scale);
    }

    /** The cell as a form prints it: the number the API prints, with its cell ({@link FormLayout.Amount}), or "" for an empty cell. */
    public Object number(ReportRow row, Column column) {
        String text = text(row, column);
        if (text == null || text.isEmpty()) {
            return "";
        }
        return new FormLayout.Amount(new BigDecimal(text), column.part() == null ? table.address(row) : null,
                column.part() == null ? column.key() : null);
    }
}
