package org.budgetledger.projection.reports;

import java.util.function.Function;

/** A key column of a report's CSV: its header and what it holds for a row. */
public record CsvKey(String header, Function<ReportRow, String> value) {
}
