package org.budgetledger.projection.reports.export;

import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out as its official 2023 form prints it: the header rows with 栏次, the body, the merged
 * header cells. The two-sided summaries (T01, T04) put income and expenditure side by side, every 行次
 * printed; T06 prints its three column blocks; T09 its 预算数 and 决算数 halves. The XLSX and HTML
 * renderings both draw this one layout, so the screen and the download cannot disagree.
 *
 * <p>Cells are {@link BigDecimal} for amounts, {@link String} for everything else.
 */
record FormLayout(OfficialForm form, int headerRows, List<Integer> textColumns, List<List<Object>> rows,
                         List<int[]> merges) {

    static FormLayout of(Report report) {
        OfficialForm form = OfficialForm.BY_TABLE.get(report.table());
        Grid grid = switch (report.table()) {
            case "T01", "T04" -> twoSided(report, form);
            case "T06" -> threeBlocks(report);
            case "T09" -> threePublic(report, form);
            case "execution" -> execution(report, form);
            default -> subjects(report, form);
        };
        return new FormLayout(form, grid.headerRows, grid.textColumns, grid.rows, grid.merges);
    }

    /** Columns of the widest row. */
    int width() {
        return rows.stream().mapToInt(List::size).max().orElse(1);
    }

    /** T01 and T04: income rows on the left, expenditure rows on the right, each 行次 on its line. */
    private static Grid twoSided(Report report, OfficialForm form) {
        List<ReportRow> income = report.rows().stream().filter(row -> "income".equals(row.side())).toList();
        List<ReportRow> expenditure = report.rows().stream().filter(row -> "expenditure".equals(row.side())).toList();
        int incomeLast = income.get(income.size() - 1).line();
        int expenditureFirst = expenditure.get(0).line();
        List<String> expenditureColumns = report.columns();
        Grid grid = new Grid(3, List.of(0, 3));
        List<Object> sides = new ArrayList<>(List.of("收入", "", "", "支出", ""));
        expenditureColumns.forEach(column -> sides.add(""));
        grid.add(sides);
        List<Object> labels = new ArrayList<>(List.of("项目", "行次", "金额", "项目", "行次"));
        labels.addAll(form.columnLabels());
        grid.add(labels);
        List<Object> numbers = new ArrayList<>(List.of("栏次", "", "1", "栏次", ""));
        for (int column = 0; column < expenditureColumns.size(); column++) {
            numbers.add(Integer.toString(column + 2));
        }
        grid.add(numbers);
        grid.merge(0, 0, 0, 2);
        grid.merge(0, 0, 3, 4 + expenditureColumns.size());
        for (int line = 1; line <= incomeLast; line++) {
            ReportRow in = byLine(income, line);
            ReportRow out = byLine(expenditure, line - 1 + expenditureFirst);
            List<Object> row = new ArrayList<>();
            row.add(in == null ? "" : in.name());
            row.add(Integer.toString(line));
            row.add(in == null ? "" : number(in.values().getOrDefault("amount", in.values().get("total"))));
            row.add(out == null ? "" : out.name());
            row.add(Integer.toString(line - 1 + expenditureFirst));
            for (String column : expenditureColumns) {
                row.add(out == null ? "" : number(out.values().get(column)));
            }
            grid.add(row);
        }
        return grid;
    }

    /** T02, T03, T05, T07, T08: 科目代码, 科目名称, then the columns with their 栏次. */
    private static Grid subjects(Report report, OfficialForm form) {
        Grid grid = new Grid(3, List.of(1));
        List<Object> top = new ArrayList<>(List.of("项目", ""));
        top.addAll(form.columnLabels());
        grid.add(top);
        List<Object> second = new ArrayList<>(List.of("科目代码", "科目名称"));
        form.columnLabels().forEach(label -> second.add(""));
        grid.add(second);
        List<Object> numbers = new ArrayList<>(List.of("栏次", ""));
        for (int column = 0; column < report.columns().size(); column++) {
            numbers.add(Integer.toString(column + 1));
            grid.merge(0, 1, column + 2, column + 2);
        }
        grid.add(numbers);
        grid.merge(0, 0, 0, 1);
        for (ReportRow row : report.rows()) {
            List<Object> line = new ArrayList<>();
            line.add("TOTAL".equals(row.code()) ? "" : row.code());
            line.add(row.name());
            report.columns().forEach(column -> line.add(number(row.values().get(column))));
            grid.add(line);
        }
        return grid;
    }

    /** T06: 人员经费 | 公用经费 (302) | 公用经费 (the other groups), the two totals on the last line. */
    private static Grid threeBlocks(Report report) {
        List<ReportRow> personnel = report.rows().stream().filter(row -> "personnel".equals(row.group())).toList();
        List<ReportRow> goods = report.rows().stream().filter(row -> "public".equals(row.group()) && row.code().startsWith("302")).toList();
        List<ReportRow> others = report.rows().stream().filter(row -> "public".equals(row.group()) && !row.code().startsWith("302")).toList();
        Grid grid = new Grid(2, List.of(1, 4, 7));
        grid.add(List.of("人员经费", "", "", "公用经费", "", "", "", "", ""));
        grid.add(List.of("科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"));
        grid.merge(0, 0, 0, 2);
        grid.merge(0, 0, 3, 8);
        int height = Math.max(personnel.size(), Math.max(goods.size(), others.size()));
        for (int index = 0; index < height; index++) {
            List<Object> line = new ArrayList<>();
            for (List<ReportRow> block : List.of(personnel, goods, others)) {
                ReportRow row = index < block.size() ? block.get(index) : null;
                line.add(row == null ? "" : row.code());
                line.add(row == null ? "" : row.name());
                line.add(row == null ? "" : number(row.values().get("amount")));
            }
            grid.add(line);
        }
        ReportRow personnelTotal = byCode(report, "personnel_total");
        ReportRow publicTotal = byCode(report, "public_total");
        grid.add(List.of(personnelTotal.name(), "", number(personnelTotal.values().get("amount")), publicTotal.name(), "", "", "",
                "", number(publicTotal.values().get("amount"))));
        return grid;
    }

    /** T09: the 预算数 half and the 决算数 half, with the vehicle columns under 公务用车购置及运行维护费. */
    private static Grid threePublic(Report report, OfficialForm form) {
        Grid grid = new Grid(4, List.of());
        List<Object> halves = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        List<Object> vehicles = new ArrayList<>();
        for (String half : List.of("预算数", "决算数")) {
            halves.addAll(List.of(half, "", "", "", "", ""));
            labels.addAll(List.of("合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"));
            vehicles.addAll(List.of("", "", "小计", "公务用车购置费", "公务用车运行维护费", ""));
        }
        grid.add(halves);
        grid.add(labels);
        grid.add(vehicles);
        List<Object> numbers = new ArrayList<>();
        for (int column = 1; column <= 12; column++) {
            numbers.add(Integer.toString(column));
        }
        grid.add(numbers);
        for (int half = 0; half < 2; half++) {
            int offset = half * 6;
            grid.merge(0, 0, offset, offset + 5);
            grid.merge(1, 1, offset + 2, offset + 4);
            grid.merge(1, 2, offset, offset);
            grid.merge(1, 2, offset + 1, offset + 1);
            grid.merge(1, 2, offset + 5, offset + 5);
        }
        List<Object> values = new ArrayList<>();
        for (String code : List.of("budget", "actual")) {
            ReportRow row = byCode(report, code);
            report.columns().forEach(column -> values.add(number(row.values().get(column))));
        }
        grid.add(values);
        return grid;
    }

    private static Grid execution(Report report, OfficialForm form) {
        Grid grid = new Grid(1, List.of(0, 1));
        List<Object> labels = new ArrayList<>(List.of("项目", "资金"));
        labels.addAll(form.columnLabels());
        grid.add(labels);
        for (ReportRow row : report.rows()) {
            List<Object> line = new ArrayList<>(List.of(row.name(), partLabel(row.part())));
            line.add(number(row.values().get("initial_budget")));
            line.add(number(row.values().get("full_year_budget")));
            line.add(number(row.values().get("executed")));
            line.add(number(row.values().get("rate")));
            grid.add(line);
        }
        return grid;
    }

    private static String partLabel(String part) {
        return switch (part) {
            case "all" -> "年度资金总额";
            case "current_fiscal" -> "其中：当年财政拨款";
            case "carried_in" -> "上年结转资金";
            default -> "其他资金";
        };
    }

    private static Object number(String value) {
        return value == null || value.isEmpty() ? "" : new BigDecimal(value);
    }

    private static ReportRow byLine(List<ReportRow> rows, int line) {
        return rows.stream().filter(row -> row.line() != null && row.line() == line).findFirst().orElse(null);
    }

    private static ReportRow byCode(Report report, String code) {
        return report.rows().stream().filter(row -> code.equals(row.code())).findFirst().orElseThrow();
    }

    /** The table under construction: header rows, body rows, merged header cells (relative to the table). */
    private static final class Grid {
        private final int headerRows;
        private final List<Integer> textColumns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<int[]> merges = new ArrayList<>();

        Grid(int headerRows, List<Integer> textColumns) {
            this.headerRows = headerRows;
            this.textColumns = textColumns;
        }

        void add(List<Object> row) {
            rows.add(row);
        }

        void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            merges.add(new int[]{firstRow, lastRow, firstColumn, lastColumn});
        }
    }
}
