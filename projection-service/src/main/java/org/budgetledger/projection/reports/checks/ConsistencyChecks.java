package org.budgetledger.projection.reports.checks;

import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.SubjectRows;
import org.budgetledger.projection.reports.tables.ReportTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The consistency identities (勾稽关系) of DOMAIN.md §3, evaluated exactly in 分 on the tables as they are
 * served, for one unit-year at one (asOf, knownAt). Identity 22 is not a rule and 26 (年初 = last year's
 * 年末) needs the previous year's tables; both are left out. Per-row identities report the first row that
 * fails, or the 合计 row when all hold.
 */
public final class ConsistencyChecks {

    private static final String[] CLASSES = {"201", "202", "203", "204", "205", "206", "207", "208", "210", "211",
            "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234"};

    private final ReportInputs inputs;
    private final Map<String, List<ReportRow>> tables = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();

    private ConsistencyChecks(ReportInputs inputs) {
        this.inputs = inputs;
        ReportTables.all().forEach((name, table) -> tables.put(name, table.rows(inputs, Scale.YUAN)));
    }

    public static List<Check> evaluate(ReportInputs inputs) {
        ConsistencyChecks evaluation = new ConsistencyChecks(inputs);
        evaluation.summary();
        evaluation.subjectTables();
        evaluation.fiscalSummary();
        evaluation.generalBudget();
        evaluation.threePublic();
        return evaluation.checks;
    }

    private void summary() {
        equal("1", "01: rows 1–8 = row 27", lines("T01", "amount", 1, 8), line("T01", 27, "amount"));
        equal("2a", "01: 27 + 28 + 29 = 31", line("T01", 27, "amount") + line("T01", 28, "amount") + line("T01", 29, "amount"),
                line("T01", 31, "amount"));
        equal("2b", "01: 58 + 59 + 60 = 62", line("T01", 58, "amount") + line("T01", 59, "amount") + line("T01", 60, "amount"),
                line("T01", 62, "amount"));
        equal("3", "01: income side total (31) = expenditure side total (62)", line("T01", 31, "amount"), line("T01", 62, "amount"));
        equal("4", "01: Σ of the 26 类 (32–57) = 58", lines("T01", "amount", 32, 57), line("T01", 58, "amount"));
        equal("6a", "01 row 27 = 02 合计 total", line("T01", 27, "amount"), code("T02", SubjectRows.TOTAL, "total"));
        equal("6b", "01 rows 1 + 2 + 3 = 02 合计 fiscal", lines("T01", "amount", 1, 3), code("T02", SubjectRows.TOTAL, "fiscal"));
        for (int index = 0; index < CLASSES.length; index++) {
            int line = 32 + index;
            if (line("T01", line, "amount") != 0 || code("T03", CLASSES[index], "total") != 0) {
                equal("9." + CLASSES[index], "01 row " + line + " = 03 类 " + CLASSES[index] + " total",
                        line("T01", line, "amount"), code("T03", CLASSES[index], "total"));
            }
        }
        equal("9", "01 row 58 = 03 合计 total", line("T01", 58, "amount"), code("T03", SubjectRows.TOTAL, "total"));
        long nonFiscalExpenditure = inputs.sum(Measure.EXPENDITURE, sum -> !sum.fund().isFiscal());
        equal("15", "01 row 58 − 04 row 59 = non-fiscal expenditure", line("T01", 58, "amount") - line("T04", 59, "total"),
                nonFiscalExpenditure);
        long nonFiscalClosing = inputs.sum(Measure.OPENING, sum -> !sum.fund().isFiscal())
                + inputs.sum(Measure.INCOME, sum -> !sum.fund().isFiscal()) + inputs.sum(Measure.RESERVE, sum -> !sum.fund().isFiscal())
                - nonFiscalExpenditure - inputs.sum(Measure.DISTRIBUTED, sum -> !sum.fund().isFiscal());
        equal("16", "01 row 60 = 04 row 60 + non-fiscal 年末结转和结余", line("T01", 60, "amount"),
                line("T04", 60, "total") + nonFiscalClosing);
        equal("14", "01 rows 1 + 2 + 3 = 04 row 27", lines("T01", "amount", 1, 3), line("T04", 27, "total"));
    }

    private void subjectTables() {
        rowSum("5", "02: each row, total = Σ of the fund columns", "T02", "total",
                "fiscal", "superior_subsidy", "business", "operating", "affiliate", "other");
        tree("5t", "02: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", "T02", "total", "fiscal", "superior_subsidy", "business",
                "operating", "affiliate", "other");
        rowSum("7", "03: each row, total = Σ of the kind columns", "T03", "total",
                "basic", "project", "remit_superior", "operating", "subsidy_affiliate");
        tree("8", "03: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", "T03", "total", "basic", "project", "remit_superior",
                "operating", "subsidy_affiliate");
        rowSum("18", "05: each row, total = basic + project", "T05", "total", "basic", "project");
        tree("18t", "05: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", "T05", "total", "basic", "project");
        for (ReportRow row : tables.get("T05")) {
            for (String column : List.of("total", "basic", "project")) {
                long general = fen(row, column);
                long all = code("T03", row.code(), column);
                if (general > all) {
                    checks.add(new Check("19", "05 ≤ 03 in every cell (" + row.code() + " " + column + ")",
                            Money.ofFen(general).toYuanString(), Money.ofFen(all).toYuanString(), false));
                    return;
                }
            }
        }
        checks.add(new Check("19", "05 ≤ 03 in every cell", Money.ofFen(code("T05", SubjectRows.TOTAL, "total")).toYuanString(),
                Money.ofFen(code("T03", SubjectRows.TOTAL, "total")).toYuanString(), true));
    }

    private void fiscalSummary() {
        equal("10a", "04: 1 + 2 + 3 = 27", lines("T04", "total", 1, 3), line("T04", 27, "total"));
        equal("10b", "04: 29 + 30 + 31 = 28", lines("T04", "total", 29, 31), line("T04", 28, "total"));
        equal("10c", "04: 27 + 28 = 32", line("T04", 27, "total") + line("T04", 28, "total"), line("T04", 32, "total"));
        equal("11a", "04: 59 + 60 = 64", line("T04", 59, "total") + line("T04", 60, "total"), line("T04", 64, "total"));
        equal("11b", "04: 32 = 64", line("T04", 32, "total"), line("T04", 64, "total"));
        for (String column : List.of("total", "general_budget", "gov_fund", "state_capital")) {
            equal("12." + column, "04: Σ of the 26 类 (33–58) = 59, column " + column, lines("T04", column, 33, 58),
                    line("T04", 59, column));
        }
        String[][] funds = {{"general_budget", "1", "29"}, {"gov_fund", "2", "30"}, {"state_capital", "3", "31"}};
        for (String[] fund : funds) {
            equal("13." + fund[0], "04 " + fund[0] + ": 年末 (60) = 年初 (" + fund[2] + ") + 收入 (" + fund[1] + ") − 支出 (59)",
                    line("T04", 60, fund[0]),
                    line("T04", Integer.parseInt(fund[2]), "total") + line("T04", Integer.parseInt(fund[1]), "total")
                            - line("T04", 59, fund[0]));
        }
        equal("17", "04 row 59 general_budget = 05 合计 total", line("T04", 59, "general_budget"),
                code("T05", SubjectRows.TOTAL, "total"));
        for (int index = 0; index < CLASSES.length; index++) {
            if (line("T04", 33 + index, "general_budget") != 0 || code("T05", CLASSES[index], "total") != 0) {
                equal("17." + CLASSES[index], "04 row " + (33 + index) + " general_budget = 05 类 " + CLASSES[index],
                        line("T04", 33 + index, "general_budget"), code("T05", CLASSES[index], "total"));
            }
        }
        equal("23a", "04 row 59 gov_fund = 07 合计 expenditure", line("T04", 59, "gov_fund"),
                code("T07", SubjectRows.TOTAL, "expenditure_total"));
        equal("23b", "04 row 59 state_capital = 08 合计 total", line("T04", 59, "state_capital"),
                code("T08", SubjectRows.TOTAL, "total"));
        equal("23c", "07 合计: 年末 = 年初 + 收入 − 支出", code("T07", SubjectRows.TOTAL, "closing"),
                code("T07", SubjectRows.TOTAL, "opening") + code("T07", SubjectRows.TOTAL, "income")
                        - code("T07", SubjectRows.TOTAL, "expenditure_total"));
    }

    private void generalBudget() {
        equal("20", "05 合计 basic = 06 人员经费 + 公用经费", code("T05", SubjectRows.TOTAL, "basic"),
                code("T06", "personnel_total", "amount") + code("T06", "public_total", "amount"));
        equal("21a", "06: 人员经费 = 301 + 303", code("T06", "personnel_total", "amount"),
                code("T06", "301", "amount") + code("T06", "303", "amount"));
        equal("21b", "06: 公用经费 = Σ of the 公用经费 groups (302 + 307 + 310 + 399, and any other group shown)",
                code("T06", "public_total", "amount"), tables.get("T06").stream()
                        .filter(row -> "public".equals(row.group()) && row.code().length() == 3)
                        .mapToLong(row -> fen(row, "amount")).sum());
        for (ReportRow group : tables.get("T06")) {
            if (group.code().length() == 3) {
                long parts = tables.get("T06").stream().filter(row -> row.code().length() == 5 && row.code().startsWith(group.code()))
                        .mapToLong(row -> fen(row, "amount")).sum();
                equal("21." + group.code(), "06: " + group.code() + " = Σ of its codes", fen(group, "amount"), parts);
            }
        }
    }

    private void threePublic() {
        for (String row : List.of("budget", "actual")) {
            equal("24a." + row, "09 " + row + ": total = abroad + vehicle_subtotal + reception", code("T09", row, "total"),
                    code("T09", row, "abroad") + code("T09", row, "vehicle_subtotal") + code("T09", row, "reception"));
            equal("24b." + row, "09 " + row + ": vehicle_subtotal = purchase + operation", code("T09", row, "vehicle_subtotal"),
                    code("T09", row, "vehicle_purchase") + code("T09", row, "vehicle_operation"));
        }
        String[][] pairs = {{"30212", "abroad"}, {"30217", "reception"}, {"30231", "vehicle_operation"}, {"31013", "vehicle_purchase"}};
        for (String[] pair : pairs) {
            long basic = code("T06", pair[0], "amount");
            long actual = code("T09", "actual", pair[1]);
            checks.add(new Check("25." + pair[0], "06 " + pair[0] + " ≤ 09 actual " + pair[1],
                    Money.ofFen(basic).toYuanString(), Money.ofFen(actual).toYuanString(), basic <= actual));
        }
    }

    /** Each row: {@code total} = Σ of the other columns. */
    private void rowSum(String name, String description, String table, String total, String... parts) {
        perRow(name, description, table, row -> fen(row, total), row -> {
            long sum = 0;
            for (String part : parts) {
                sum += fen(row, part);
            }
            return sum;
        });
    }

    /** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column. */
    private void tree(String name, String description, String table, String... columns) {
        List<ReportRow> rows = tables.get(table);
        for (ReportRow parent : rows) {
            int childLength = parent.code().equals(SubjectRows.TOTAL) ? 3 : parent.code().length() + 2;
            if (childLength > 7) {
                continue;
            }
            for (String column : columns) {
                long children = rows.stream().filter(row -> !row.code().equals(SubjectRows.TOTAL)
                                && row.code().length() == childLength
                                && (parent.code().equals(SubjectRows.TOTAL) || row.code().startsWith(parent.code())))
                        .mapToLong(row -> fen(row, column)).sum();
                if (children != fen(parent, column)) {
                    checks.add(new Check(name, description + " (" + parent.code() + " " + column + ")",
                            Money.ofFen(fen(parent, column)).toYuanString(), Money.ofFen(children).toYuanString(), false));
                    return;
                }
            }
        }
        String first = columns[0];
        checks.add(new Check(name, description, Money.ofFen(code(table, SubjectRows.TOTAL, first)).toYuanString(),
                Money.ofFen(code(table, SubjectRows.TOTAL, first)).toYuanString(), true));
    }

    private void perRow(String name, String description, String table, ToLongFunction<ReportRow> left,
                        ToLongFunction<ReportRow> right) {
        List<ReportRow> rows = tables.get(table);
        ReportRow shown = rows.get(0);
        for (ReportRow row : rows) {
            if (left.applyAsLong(row) != right.applyAsLong(row)) {
                shown = row;
                break;
            }
        }
        equal(name, description + (shown.code().equals(SubjectRows.TOTAL) ? "" : " (row " + shown.code() + ")"),
                left.applyAsLong(shown), right.applyAsLong(shown));
    }

    private void equal(String name, String description, long left, long right) {
        checks.add(new Check(name, description, Money.ofFen(left).toYuanString(), Money.ofFen(right).toYuanString(),
                left == right));
    }

    private long line(String table, int line, String column) {
        return tables.get(table).stream().filter(row -> row.line() != null && row.line() == line).findFirst()
                .map(row -> fen(row, column)).orElse(0L);
    }

    private long lines(String table, String column, int first, int last) {
        long fen = 0;
        for (int line = first; line <= last; line++) {
            fen += line(table, line, column);
        }
        return fen;
    }

    /** The cell of the row with this code; 0 when the table has no such row (subject tables skip zero rows). */
    private long code(String table, String code, String column) {
        return tables.get(table).stream().filter(row -> code.equals(row.code())).findFirst()
                .map(row -> fen(row, column)).orElse(0L);
    }

    private static long fen(ReportRow row, String column) {
        String value = row.values().get(column);
        return value == null || value.isEmpty() ? 0 : Money.parseYuan(value).fen();
    }
}
