package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.ReferenceTable;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.tables.SubjectRows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A year's tables as a publication reads its figures from them: the nine 公开表 and the execution report, row by row
 * in 分 — computed from the ledger ({@link #of}), or last year's published tables from a reference
 * ({@link #ofReference}, SPEC §15), read into the same rows. The narrative never reads the ledger itself: every
 * number it prints is a cell of these rows, or of the two statements beside them that no 公开表 prints (the 年初预算 of
 * each 项, the fiscal spending per economic code), computed from the same inputs.
 *
 * @param fromReference whether the rows are a reference's (last year's published tables), not the ledger's
 */
public record YearTables(int year, boolean fromReference, Map<String, List<ReportRow>> tables,
                         Map<String, Long> initialBudgetBySubjectFen, Map<String, Long> fiscalSpendingByEconomicFen) {

    /** The tables of the ledger's inputs, as the reports compute them. */
    public static YearTables of(int year, ReportInputs inputs) {
        Map<String, List<ReportRow>> tables = new LinkedHashMap<>();
        for (ReportTable table : ReportTables.all().values()) {
            tables.put(table.name(), table.rows(inputs));
        }
        Map<String, Long> initial = new HashMap<>();
        Map<String, Long> byEconomic = new HashMap<>();
        inputs.sums().forEach(sum -> {
            // 年初预算 of a 项: this year's GENERAL_BUDGET appropriations at their first amount (not carried-in lines)
            if (sum.measure() == Measure.BUDGET && sum.fund() == Fund.GENERAL_BUDGET && sum.origin() == LineOrigin.APPROPRIATION) {
                initial.merge(sum.subject(), sum.fen(), Math::addExact);
            }
            if (sum.measure() == Measure.EXPENDITURE && sum.fund().isFiscal() && sum.economic() != null) {
                byEconomic.merge(sum.economic(), sum.fen(), Math::addExact);
            }
        });
        return new YearTables(year, false, tables, Map.copyOf(initial), Map.copyOf(byEconomic));
    }

    /** Last year's published tables, as a reference recorded them (the tables it does not hold have no rows). */
    public static YearTables ofReference(ReferenceTablesRecorded reference) {
        Map<String, List<ReportRow>> tables = new LinkedHashMap<>();
        for (ReferenceTable table : reference.tables()) {
            tables.put(table.table(), table.rows().stream().map(cells -> row(table, cells)).toList());
        }
        return new YearTables(reference.tablesYear(), true, tables, Map.of(), Map.of());
    }

    /** A reference row as the table's own rows are: keyed as the CSV keys say, amounts in 分 by column. */
    private static ReportRow row(ReferenceTable table, List<String> cells) {
        Map<String, String> byColumn = new HashMap<>();
        Map<Column, Long> fen = new LinkedHashMap<>();
        for (int index = 0; index < table.columns().size() && index < cells.size(); index++) {
            byColumn.put(table.columns().get(index), cells.get(index));
        }
        ReportTable layout = ReportTables.byName(table.table()).orElseThrow();
        for (Column column : layout.columns()) {
            String cell = byColumn.get(column.key());
            if (cell != null && !cell.isEmpty()) {
                fen.put(column, Money.parseYuan(cell).fen());
            }
        }
        String subjectCode = byColumn.get("subject_code");
        String economicCode = byColumn.get("economic_code");
        String code = switch (table.table()) {
            case "T01", "T04" -> byColumn.get("side") + ":" + byColumn.get("line");
            case "T06" -> economicCode == null || economicCode.isEmpty() ? byColumn.get("group") : economicCode;
            case "T09" -> byColumn.get("kind");
            default -> subjectCode == null || subjectCode.isEmpty() ? SubjectRows.TOTAL : subjectCode;
        };
        String name = byColumn.getOrDefault("item", byColumn.getOrDefault("subject_name", byColumn.get("economic_name")));
        Integer line = byColumn.get("line") == null ? null : Integer.valueOf(byColumn.get("line"));
        return new ReportRow(code, name, byColumn.get("side"), line, byColumn.get("group"), null, fen);
    }

    public List<ReportRow> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /** Whether the table is there (a reference may hold only some of the nine). */
    public boolean has(String table) {
        return tables.containsKey(table);
    }

    /** The amount of a numbered row (行次) of T01 or T04 in a column; empty when the table or the row is not there. */
    public Optional<Long> line(String table, int line, Column column) {
        return rows(table).stream().filter(row -> row.line() != null && row.line() == line).findFirst()
                .map(row -> row.fen(column));
    }

    /** A row of a subject table (T02, T03, T05, T07, T08) by code, {@link SubjectRows#TOTAL} for 合计. */
    public Optional<ReportRow> subject(String table, String code) {
        return rows(table).stream().filter(row -> code.equals(row.code())).findFirst();
    }

    /** The rows of a subject table whose codes have this many digits (3: 类, 5: 款, 7: 项), in order. */
    public List<ReportRow> subjects(String table, int digits) {
        return rows(table).stream().filter(row -> row.code() != null && row.code().length() == digits
                && row.code().chars().allMatch(Character::isDigit)).toList();
    }

    /** A row of T06 by its economic code (or personnel_total, public_total). */
    public Optional<ReportRow> economic(String code) {
        return rows("T06").stream().filter(row -> code.equals(row.code())).findFirst();
    }

    /** A cell of T09 ({@code budget} or {@code actual}). */
    public Optional<Long> threePublic(String kind, Column column) {
        return rows("T09").stream().filter(row -> kind.equals(row.code())).findFirst().map(row -> row.fen(column));
    }
}
