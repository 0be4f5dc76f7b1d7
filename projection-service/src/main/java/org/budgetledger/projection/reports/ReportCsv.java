package org.budgetledger.projection.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese labels), with the headers of the
 * published tables' transcription: {@code side,line,item} for T01/T04, {@code subject_code,subject_name} for
 * the subject tables (合计 with an empty code), {@code group,economic_code,economic_name} for T06,
 * {@code kind} for T09, {@code project,part} for execution — then the report's value columns.
 */
final class ReportCsv {

    private record KeyColumn(String header, Function<ReportRow, String> value) {
    }

    private ReportCsv() {
    }

    static String write(Report report) {
        List<KeyColumn> keys = keys(report.table());
        List<String> header = new ArrayList<>(keys.stream().map(KeyColumn::header).toList());
        header.addAll(report.columns());
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", header)).append("\r\n");
        for (ReportRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            keys.forEach(key -> cells.add(key.value().apply(row)));
            report.columns().forEach(column -> cells.add(row.values().get(column)));
            csv.append(String.join(",", cells.stream().map(ReportCsv::quote).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static List<KeyColumn> keys(String table) {
        return switch (table) {
            case "T01", "T04" -> List.of(new KeyColumn("side", ReportRow::side),
                    new KeyColumn("line", row -> String.valueOf(row.line())), new KeyColumn("item", ReportRow::name));
            case "T06" -> List.of(new KeyColumn("group", ReportRow::group),
                    new KeyColumn("economic_code", row -> row.code().equals(row.group()) ? "" : row.code()),
                    new KeyColumn("economic_name", ReportRow::name));
            case "T09" -> List.of(new KeyColumn("kind", ReportRow::code));
            case "execution" -> List.of(new KeyColumn("project", ReportRow::name), new KeyColumn("part", ReportRow::part));
            default -> List.of(new KeyColumn("subject_code", row -> SubjectRows.TOTAL.equals(row.code()) ? "" : row.code()),
                    new KeyColumn("subject_name", ReportRow::name));
        };
    }

    private static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
