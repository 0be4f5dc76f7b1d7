package org.budgetledger.projection.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a report, its amounts in 分 by column. {@code side} and {@code line} (行次) are for the two-sided
 * summary tables, {@code code} for rows keyed by a code, {@code group} and {@code part} for the tables with row
 * blocks. A column the row has no amount in is a cell the form leaves empty. Scale and number format are the
 * renderers' business, not the row's.
 */
public record ReportRow(String code, String name, String side, Integer line, String group, String part,
                        Map<Column, Long> fen) {

    public ReportRow {
        fen = Collections.unmodifiableMap(new LinkedHashMap<>(fen));
    }

    public static ReportRow coded(String code, String name, Map<Column, Long> fen) {
        return new ReportRow(code, name, null, null, null, null, fen);
    }

    public static ReportRow numbered(String code, String name, String side, int line, Map<Column, Long> fen) {
        return new ReportRow(code, name, side, line, null, null, fen);
    }

    /** The amount in the column, or null when the row leaves that cell empty. */
    public Long cell(Column column) {
        return fen.get(column);
    }

    /** The amount in the column; 0 when the row leaves that cell empty. */
    public long fen(Column column) {
        return fen.getOrDefault(column, 0L);
    }
}
