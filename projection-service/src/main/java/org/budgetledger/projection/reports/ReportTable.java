package org.budgetledger.projection.reports;

import java.util.List;

/** One report: its columns and its rows, a pure function of the inputs. */
public interface ReportTable {

    String name();

    List<String> columns();

    List<ReportRow> rows(ReportInputs inputs, Scale scale);
}
