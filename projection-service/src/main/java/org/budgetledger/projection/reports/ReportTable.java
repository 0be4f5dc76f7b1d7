package org.budgetledger.projection.reports;

import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.ReportInputs;

import java.util.List;
import java.util.Optional;

/**
 * One report and everything that is particular to it: its columns, its rows (a pure function of the inputs,
 * amounts in 分), its official form and how its rows are laid out in it, its CSV key columns, and the
 * consistency identities (勾稽关系) it takes part in, and what each of its cells adds up (the drill-down). The
 * renderers and the checks know no table by name.
 */
public interface ReportTable {

    /** The name in the URL: T01 … T09, execution. */
    String name();

    List<Column> columns();

    List<ReportRow> rows(ReportInputs inputs);

    /** The columns the CSV puts before the value columns, with the published tables' headers. */
    List<CsvKey> csvKeys();

    /** What the official form prints around the numbers. */
    OfficialForm officialForm();

    /** The report laid out as its official form prints it (the XLSX and HTML renderings draw it). */
    FormLayout layout(Report report);

    /**
     * How a drill-down names a row of this table: its {@code code} unless the table says otherwise (公开01表 and
     * 公开04表: {@code {side}:{line}}; execution: {@code {part}:{code}}).
     */
    default String address(ReportRow row) {
        return row.code();
    }

    /**
     * What the cell of a row (named as {@link #address} names it) in a column adds up, from the same definitions the
     * rows are computed from: at any inputs, {@code cell(address(row), column).fen(inputs)} is the row's amount in the
     * column. A row the table shows only when it has amounts (a subject, a project) is a cell at every point, of
     * nothing when it is not shown. Empty when the table can have no such row, when the form leaves that cell empty,
     * or when the column is no sum (执行率).
     */
    Optional<CellSum> cell(String row, Column column);

    /** The identities this table answers for, each group evaluated at its place in the list of checks. */
    default List<IdentityGroup> identities() {
        return List.of();
    }
}
