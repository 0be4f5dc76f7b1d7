package org.budgetledger.projection.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese labels): the row key columns
 * (side/line, group, code, part, name, as the table has them) followed by the report's value columns.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(Report report) {
        boolean numbered = report.rows().stream().anyMatch(row -> row.line() != null);
        boolean grouped = report.rows().stream().anyMatch(row -> row.group() != null);
        boolean parted = report.rows().stream().anyMatch(row -> row.part() != null);
        List<String> header = new ArrayList<>();
        if (numbered) {
            header.addAll(List.of("side", "line"));
        }
        if (grouped) {
            header.add("group");
        }
        header.add("code");
        if (parted) {
            header.add("part");
        }
        header.add("name");
        header.addAll(report.columns());
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", header)).append("\r\n");
        for (ReportRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            if (numbered) {
                cells.add(row.side());
                cells.add(row.line() == null ? "" : row.line().toString());
            }
            if (grouped) {
                cells.add(row.group());
            }
            cells.add(row.code());
            if (parted) {
                cells.add(row.part());
            }
            cells.add(row.name());
            report.columns().forEach(column -> cells.add(row.values().get(column)));
            csv.append(String.join(",", cells.stream().map(ReportCsv::quote).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
