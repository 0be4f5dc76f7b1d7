package org.budgetledger.projection.reports.t01;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.FactTotals;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.Scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 公开01表 收入支出决算总表: every numbered row of the 2023 form, zeros included, income side (行次 1–31)
 * then expenditure side (32–62). The rows and what each holds come from {@code reports/t01-layout.csv}.
 */
public final class IncomeAndExpenditureSummary {

    public static final String TABLE = "T01";
    public static final List<String> COLUMNS = List.of("amount");

    private record LayoutRow(String side, int line, String label, String holds) {
    }

    private static final List<LayoutRow> LAYOUT = readLayout();

    private IncomeAndExpenditureSummary() {
    }

    public static List<ReportRow> rows(FactTotals totals, Scale scale) {
        Map<Integer, Long> fenByLine = new HashMap<>();
        List<ReportRow> rows = new ArrayList<>(LAYOUT.size());
        for (LayoutRow row : LAYOUT) {
            long fen = cell(row.holds(), totals, fenByLine);
            fenByLine.put(row.line(), fen);
            String code = row.holds().startsWith("expenditure:") ? row.holds().substring("expenditure:".length()) : null;
            Map<String, String> values = new LinkedHashMap<>();
            values.put("amount", scale.format(fen));
            rows.add(new ReportRow(code, row.label(), row.side(), row.line(), values));
        }
        return rows;
    }

    private static long cell(String holds, FactTotals totals, Map<Integer, Long> fenByLine) {
        String[] parts = holds.split(":", 2);
        return switch (parts[0]) {
            case "income" -> totals.sum(Measure.INCOME, Fund.valueOf(parts[1]), null);
            case "expenditure" -> totals.sum(Measure.EXPENDITURE, null, parts[1]);
            case "reserve" -> totals.sum(Measure.RESERVE, null, null);
            case "opening" -> totals.sum(Measure.OPENING, null, null);
            case "distributed" -> totals.sum(Measure.DISTRIBUTED, null, null);
            case "closing" -> totals.closing();
            case "sum" -> sumOfLines(parts[1], fenByLine);
            default -> throw new IllegalStateException("unknown layout cell " + holds);
        };
    }

    /** "1-8" sums the rows 1 to 8 that exist; "27,28,29" sums the rows named. */
    private static long sumOfLines(String lines, Map<Integer, Long> fenByLine) {
        long fen = 0;
        if (lines.contains("-")) {
            String[] range = lines.split("-");
            for (int line = Integer.parseInt(range[0]); line <= Integer.parseInt(range[1]); line++) {
                fen = Math.addExact(fen, fenByLine.getOrDefault(line, 0L));
            }
        } else {
            for (String line : lines.split(",")) {
                fen = Math.addExact(fen, Objects.requireNonNull(fenByLine.get(Integer.parseInt(line)), line));
            }
        }
        return fen;
    }

    private static List<LayoutRow> readLayout() {
        var resource = IncomeAndExpenditureSummary.class.getResourceAsStream("/reports/t01-layout.csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(resource, "reports/t01-layout.csv"), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("side,"))
                    .map(line -> line.split(",", 4))
                    .map(cells -> new LayoutRow(cells[0], Integer.parseInt(cells[1]), cells[2], cells[3]))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
