package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.ReportInputs;
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
import java.util.Optional;

/**
 * A two-sided summary form (公开01表, 公开04表) read from its layout resource: every numbered row with its
 * 行次, label and what it holds. {@code sum:1-8} sums the rows numbered 1 to 8 that exist, {@code sum:27,28}
 * the rows named; anything else is asked of the table's cell source, column by column, which says what the cell
 * adds up ({@link CellSum}).
 */
public final class SummaryLayout {

    /** What a row holds in a column (by what the layout says it holds), or null when the form leaves that cell empty. */
    public interface CellSource {
        CellSum cell(String holds, Column column);
    }

    private record Row(String side, int line, String label, String holds) {
    }

    private final List<Row> rows;

    /** @param resource the layout's path on the class path */
    public SummaryLayout(String resource) {
        this.rows = read(resource);
    }

    public List<ReportRow> rows(List<Column> columns, CellSource source, ReportInputs inputs) {
        Map<Integer, Map<Column, Long>> byLine = new HashMap<>();
        List<ReportRow> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<Column, Long> fen = new LinkedHashMap<>();
            for (Column column : columns) {
                Long cell;
                if (row.holds().startsWith("sum:")) {
                    // the amounts of its rows added, as its CellSum adds their terms (see cell)
                    cell = sum(row.holds().substring(4), column, byLine);
                } else {
                    CellSum held = source.cell(row.holds(), column);
                    cell = held == null ? null : held.fen(inputs);
                }
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

    /**
     * What the row {@code {side}:{line}} holds in a column; empty when the layout has no such row or the form leaves
     * the cell empty. A sum row holds the terms of its rows.
     */
    public Optional<CellSum> cell(String side, int line, Column column, CellSource source) {
        for (Row row : rows) {
            if (row.side().equals(side) && row.line() == line) {
                return Optional.ofNullable(held(row, column, source));
            }
        }
        return Optional.empty();
    }

    /** The side and 行次 of the row whose code (a 类 on the expenditure side) is {@code code}, if there is one. */
    public Optional<String> addressOfCode(String code) {
        return rows.stream().filter(row -> row.holds().equals("expenditure:" + code)).findFirst()
                .map(row -> row.side() + ":" + row.line());
    }

    private CellSum held(Row row, Column column, CellSource source) {
        if (!row.holds().startsWith("sum:")) {
            return source.cell(row.holds(), column);
        }
        CellSum sum = null;
        for (int line : lines(row.holds().substring(4), rows.stream().map(Row::line).toList())) {
            Row part = rows.stream().filter(candidate -> candidate.line() == line).findFirst().orElseThrow();
            CellSum held = held(part, column, source);
            if (held != null) {
                sum = sum == null ? held : sum.plus(held);
            }
        }
        return sum;
    }

    /** The 行次 a sum names: {@code 1-8} those from 1 to 8 there are, {@code 27,28} those named. */
    private static List<Integer> lines(String lines, java.util.Collection<Integer> existing) {
        List<Integer> numbers = new ArrayList<>();
        if (lines.contains("-")) {
            String[] range = lines.split("-");
            for (int line = Integer.parseInt(range[0]); line <= Integer.parseInt(range[1]); line++) {
                if (existing.contains(line)) {
                    numbers.add(line);
                }
            }
        } else {
            for (String line : lines.split(",")) {
                numbers.add(Integer.parseInt(line));
            }
        }
        return numbers;
    }

    private static Long sum(String lines, Column column, Map<Integer, Map<Column, Long>> byLine) {
        Long fen = null;
        for (int line : lines(lines, byLine.keySet())) {
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
