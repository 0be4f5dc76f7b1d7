package org.budgetledger.projection.reports;

import org.budgetledger.contracts.catalog.CatalogNames;

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
 * descendants; names come from the catalog.
 */
public final class SubjectRows {

    public static final String TOTAL = "TOTAL";

    /** How one column of a subject table is filled from the summed facts. */
    public record Column(String name, Predicate<FactSum> which, ToLongFunction<FactSum> fen) {
        public static Column of(String name, Predicate<FactSum> which) {
            return new Column(name, which, FactSum::fen);
        }
    }

    private SubjectRows() {
    }

    /**
     * @param derived columns computed from the others of the same row (e.g. 年末 = 年初 + 收入 − 支出), in order
     */
    public static List<ReportRow> rows(ReportInputs inputs, List<Column> columns, Map<String, ToLongFunction<Map<String, Long>>> derived,
                                       Scale scale) {
        Map<String, Map<String, Long>> fenByCode = new TreeMap<>();
        Map<String, Long> total = new LinkedHashMap<>();
        for (FactSum sum : inputs.sums()) {
            for (Column column : columns) {
                if (column.which().test(sum)) {
                    long fen = column.fen().applyAsLong(sum);
                    for (String code : new String[]{sum.subject().substring(0, 3), sum.subject().substring(0, 5), sum.subject()}) {
                        fenByCode.computeIfAbsent(code, c -> new LinkedHashMap<>()).merge(column.name(), fen, Math::addExact);
                    }
                    total.merge(column.name(), fen, Math::addExact);
                }
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        rows.add(ReportRow.coded(TOTAL, "合计", values(total, columns, derived, scale)));
        fenByCode.forEach((code, fen) -> {
            Map<String, String> values = values(fen, columns, derived, scale);
            if (fen.values().stream().anyMatch(amount -> amount != 0)) {
                rows.add(ReportRow.coded(code, CatalogNames.subjects().getOrDefault(code, code), values));
            }
        });
        return rows;
    }

    private static Map<String, String> values(Map<String, Long> fen, List<Column> columns,
                                              Map<String, ToLongFunction<Map<String, Long>>> derived, Scale scale) {
        Map<String, Long> all = new LinkedHashMap<>();
        columns.forEach(column -> all.put(column.name(), fen.getOrDefault(column.name(), 0L)));
        derived.forEach((name, formula) -> all.put(name, formula.applyAsLong(all)));
        Map<String, String> values = new LinkedHashMap<>();
        all.forEach((name, amount) -> values.put(name, scale.format(amount)));
        return values;
    }
}
