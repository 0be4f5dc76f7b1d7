package org.budgetledger.projection.reports.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.projection.digests.LedgerDigest;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as JSON (SPEC §6): the table, for which unit-year (and the unit's name as of asOf, known at knownAt,
 * SPEC §12: absent when the projection knows no registration of the unit), at which point of both time axes,
 * whose (the department's or the unit's own, SPEC §13), the columns, the rows with their amounts as decimal
 * strings in the report's scale; and {@code ledgerDigest}, the ledger's signed digest that covers its knownAt (SPEC
 * §16), absent while none covers it yet.
 */
@Schema(name = "Report")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportJson(String table, String unit, String unitName, int year, LocalDate asOf, Instant knownAt, String scope,
                         String scale, List<String> columns, List<Row> rows, LedgerDigest ledgerDigest) {

    /**
     * One row. {@code side} and {@code line} (行次) are for the two-sided summary tables, {@code code} for rows
     * keyed by a code, {@code group} and {@code part} for the tables with row blocks; {@code values} maps column
     * names to amounts as strings (a cell the form leaves empty is absent).
     */
    @Schema(name = "ReportRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String code, String name, String side, Integer line, String group, String part,
                      Map<String, String> values) {
    }

    public static ReportJson of(Report report) {
        List<Column> columns = report.table().columns();
        return new ReportJson(report.table().name(), report.unit(), report.unitName(), report.year(), report.asOf(),
                report.knownAt(), report.scope().parameterValue(), report.scale().parameterValue(),
                columns.stream().map(Column::key).toList(),
                report.rows().stream().map(row -> row(report, columns, row)).toList(),
                report.ledgerDigest() == null ? null : report.ledgerDigest().digest());
    }

    private static Row row(Report report, List<Column> columns, ReportRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : columns) {
            String text = report.text(row, column);
            if (text != null) {
                values.put(column.key(), text);
            }
        }
        return new Row(row.code(), row.name(), row.side(), row.line(), row.group(), row.part(), values);
    }
}
