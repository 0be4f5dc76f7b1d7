package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

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
    public record Source(Column column, Predicate<FactSum> which) {
    }

    /** A column computed from the others of the same row (e.g. 年末 = 年初 + 收入 − 支出). */
    public record Derived(Column column, ToLongFunction<Map<Column, Long>> formula) {
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

    private static Map<Column, Long> cells(Map<Column, Long> fen, List<Source> sources, List<Derived> derived) {
        Map<Column, Long> all = new LinkedHashMap<>();
        sources.forEach(source -> all.put(source.column(), fen.getOrDefault(source.column(), 0L)));
        derived.forEach(column -> all.put(column.column(), column.formula().applyAsLong(all)));
        return all;
    }
}
