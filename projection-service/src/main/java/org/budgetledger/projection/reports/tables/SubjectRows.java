package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The row tree of the subject tables (T02, T03, T05, T07, T08): the 合计 row ({@code code} TOTAL), then every
 * 类, 款 and 项 with a non-zero cell in code order (类 before its 款 before its 项). A subject row sums its
 * descendants; names come from the catalog known at knownAt ({@link ReportInputs#names}).
 */
public final class SubjectRows {

    public static final String TOTAL = "TOTAL";

    /** The 26 类 the summary forms print a row each for, in their order (公开01表 rows 32–57, 公开04表 33–58). */
    public static final List<String> FORM_CLASSES = List.of("201", "202", "203", "204", "205", "206", "207", "208", "210",
            "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234");

    /** How one column of a subject table is filled from the summed facts. */
    public record Source(Column column, FactSelection which) {
    }

    /**
     * A column computed from the others of the same row, each added or taken away (e.g. 年末 = 年初 + 收入 − 支出).
     *
     * @param signs each column it is computed from, with +1 or −1, in order
     */
    public record Derived(Column column, Map<Column, Integer> signs) {
        public Derived {
            signs = Collections.unmodifiableMap(new LinkedHashMap<>(signs));
        }

        long fen(Map<Column, Long> row) {
            long fen = 0;
            for (Map.Entry<Column, Integer> part : signs.entrySet()) {
                fen = Math.addExact(fen, part.getValue() * row.get(part.getKey()));
            }
            return fen;
        }
    }

    private SubjectRows() {
    }

    /** @param derived in order, after the sources */
    public static List<ReportRow> rows(ReportInputs inputs, List<Source> sources, List<Derived> derived) {
        Map<String, Map<Column, Long>> fenByCode = new TreeMap<>();
        Map<Column, Long> total = new LinkedHashMap<>();
        for (FactSum sum : inputs.sums()) {
            for (Source source : sources) {
                if (source.which().test(sum)) {
                    for (String code : new String[]{sum.subject().substring(0, 3), sum.subject().substring(0, 5), sum.subject()}) {
                        fenByCode.computeIfAbsent(code, c -> new LinkedHashMap<>()).merge(source.column(), sum.fen(), Math::addExact);
                    }
                    total.merge(source.column(), sum.fen(), Math::addExact);
                }
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        rows.add(ReportRow.coded(TOTAL, "合计", cells(total, sources, derived)));
        fenByCode.forEach((code, fen) -> {
            if (fen.values().stream().anyMatch(amount -> amount != 0)) {
                rows.add(ReportRow.coded(code, inputs.names().subject(code), cells(fen, sources, derived)));
            }
        });
        return rows;
    }

    /** A row of a subject table by its code: 合计, or a 类, 款 or 项 (3, 5 or 7 digits). */
    public static boolean isRow(String code) {
        return TOTAL.equals(code) || code.matches("[0-9]{3}|[0-9]{5}|[0-9]{7}");
    }

    /**
     * What the cell of a row ({@link #isRow}) in a column adds up, from the same sources and derived columns as
     * {@link #rows}; empty when the table has no such column.
     */
    public static Optional<CellSum> cell(String code, Column column, List<Source> sources, List<Derived> derived) {
        FactSelection row = TOTAL.equals(code) ? FactSelection.all() : FactSelection.subjects(code);
        for (Source source : sources) {
            if (source.column().equals(column)) {
                return Optional.of(CellSum.of(source.which().and(row)));
            }
        }
        for (Derived candidate : derived) {
            if (candidate.column().equals(column)) {
                CellSum sum = new CellSum(List.of(), List.of());
                for (Map.Entry<Column, Integer> part : candidate.signs().entrySet()) {
                    CellSum partSum = cell(code, part.getKey(), sources, derived).orElseThrow();
                    sum = sum.plus(part.getValue() > 0 ? partSum : partSum.negated());
                }
                return Optional.of(sum);
            }
        }
        return Optional.empty();
    }

    private static Map<Column, Long> cells(Map<Column, Long> fen, List<Source> sources, List<Derived> derived) {
        Map<Column, Long> all = new LinkedHashMap<>();
        sources.forEach(source -> all.put(source.column(), fen.getOrDefault(source.column(), 0L)));
        derived.forEach(column -> all.put(column.column(), column.fen(all)));
        return all;
    }
}
