package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;

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
 * A two-sided summary form (公开01表, 公开04表) read from its layout resource: every numbered row with its
 * 行次, label and what it holds. {@code sum:1-8} sums the rows numbered 1 to 8 that exist, {@code sum:27,28}
 * the rows named; anything else is asked of the table's cell source, column by column.
 */
public final class SummaryLayout {

    /** The amount a row holds in a column, or null when the form leaves that cell empty. */
    public interface CellSource {
        Long cell(String holds, Column column);
    }

    private record Row(String side, int line, String label, String holds) {
    }

    private final List<Row> rows;

    /** @param resource the layout's path on the class path */
    public SummaryLayout(String resource) {
        this.rows = read(resource);
    }

    public List<ReportRow> rows(List<Column> columns, CellSource source) {
        Map<Integer, Map<Column, Long>> byLine = new HashMap<>();
        List<ReportRow> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<Column, Long> fen = new LinkedHashMap<>();
            for (Column column : columns) {
                Long cell = row.holds().startsWith("sum:") ? sum(row.holds().substring(4), column, byLine)
                        : source.cell(row.holds(), column);
                if (cell != null) {
                    fen.put(column, cell);
                }
            }
            byLine.put(row.line(), fen);
            String code = row.holds().startsWith("expenditure:") ? row.holds().substring("expenditure:".length()) : null;
            result.add(ReportRow.numbered(code, row.label(), row.side(), row.line(), fen));
        }
        return result;
    }

    private static Long sum(String lines, Column column, Map<Integer, Map<Column, Long>> byLine) {
        List<Integer> numbers = new ArrayList<>();
        if (lines.contains("-")) {
            String[] range = lines.split("-");
            for (int line = Integer.parseInt(range[0]); line <= Integer.parseInt(range[1]); line++) {
                if (byLine.containsKey(line)) {
                    numbers.add(line);
                }
            }
        } else {
            for (String line : lines.split(",")) {
                numbers.add(Integer.parseInt(line));
            }
        }
        Long fen = null;
        for (int line : numbers) {
            Long cell = Objects.requireNonNull(byLine.get(line), "row " + line).get(column);
            if (cell != null) {
                fen = fen == null ? cell : Math.addExact(fen, cell);
            }
        }
        return fen;
    }

    private static List<Row> read(String resource) {
        var in = SummaryLayout.class.getResourceAsStream(resource);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, resource),
                StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("side,"))
                    .map(line -> line.split(",", 4))
                    .map(cells -> new Row(cells[0], Integer.parseInt(cells[1]), cells[2], cells[3]))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
