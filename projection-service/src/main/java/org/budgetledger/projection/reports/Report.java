package org.budgetledger.projection.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A report as JSON (SPEC §6): the table, for which unit-year, at which point of both time axes, its rows. */
public record Report(String table, String unit, int year, LocalDate asOf, Instant knownAt, String scale,
                     List<String> columns, List<ReportRow> rows) {
}
