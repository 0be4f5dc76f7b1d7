package org.budgetledger.projection.reports;

import org.budgetledger.projection.readmodel.ReportInputs;

import java.util.List;

/**
 * One report and everything that is particular to it: its columns, its rows (a pure function of the inputs,
 * amounts in 分), its official form and how its rows are laid out in it, its CSV key columns, and the
 * consistency identities (勾稽关系) it takes part in. The renderers and the checks know no table by name.
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

    /** The identities this table answers for, each group evaluated at its place in the list of checks. */
    default List<IdentityGroup> identities() {
        return List.of();
    }
}
