package org.budgetledger.projection.reports.execution;

import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.CsvKey;
import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.tables.SubjectRows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 预算执行 (the 项目资金 block of the 绩效自评表): for the whole unit ({@code TOTAL}) and each project, in four
 * parts — {@code all}, {@code current_fiscal} (this year's fiscal appropriations), {@code carried_in}
 * (opening and carried-in lines), {@code other} (non-fiscal appropriations) — the initial budget, the
 * full-year budget (with adjustments), what was executed (paid) and the rate; and what is committed (冻结, SPEC §14):
 * promised to contracts and not paid yet, at asOf as known at knownAt.
 */
public final class BudgetExecution implements ReportTable {

    public static final Column INITIAL_BUDGET = Column.amount("initial_budget");
    public static final Column FULL_YEAR_BUDGET = Column.amount("full_year_budget");
    public static final Column EXECUTED = Column.amount("executed");
    public static final Column RATE = Column.percent("rate", EXECUTED, FULL_YEAR_BUDGET);
    /** SPEC §14: after the v1 columns, so that a reader of those finds them where they were. */
    public static final Column COMMITTED = Column.amount("committed");

    private static final Map<String, FactSelection> PARTS = parts();
    private static final Map<String, String> PART_LABELS = Map.of("all", "年度资金总额", "current_fiscal", "其中：当年财政拨款",
            "carried_in", "上年结转资金", "other", "其他资金");
    private static final OfficialForm FORM = new OfficialForm("预算执行情况", "项目资金",
            List.of("年初预算数", "全年预算数", "全年执行数", "执行率（%）", "冻结未支付数"),
            "注：年初预算数为批复和期初结转的指标，全年预算数含年中调整和调剂，执行数为支付数（扣除当年退回），"
                    + "冻结未支付数为已冻结（合同已签订）尚未支付的金额。");

    /** Last of the constants: the constructor may use any of them. */
    public static final BudgetExecution TABLE = new BudgetExecution();

    private BudgetExecution() {
    }

    @Override
    public String name() {
        return "execution";
    }

    @Override
    public List<Column> columns() {
        return List.of(INITIAL_BUDGET, FULL_YEAR_BUDGET, EXECUTED, RATE, COMMITTED);
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<CsvKey> csvKeys() {
        return List.of(new CsvKey("project", ReportRow::name), new CsvKey("part", ReportRow::part));
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs) {
        List<ReportRow> rows = new ArrayList<>();
        addRows(rows, SubjectRows.TOTAL, "合计", inputs, FactSelection.all());
        // each project's rows from its own sums: a department's statement has a project per (unit, project), and
        // going through every sum for each of them took most of its time at 200 units
        Map<String, List<FactSum>> byProject = new TreeMap<>();
        inputs.sums().stream().filter(sum -> sum.origin() != null && sum.project() != null)
                .forEach(sum -> byProject.computeIfAbsent(sum.project(), project -> new ArrayList<>()).add(sum));
        byProject.forEach((project, sums) -> addRows(rows, project, project, new ReportInputs(sums, Map.of()),
                FactSelection.project(project)));
        return rows;
    }

    private static void addRows(List<ReportRow> rows, String code, String name, ReportInputs inputs, FactSelection which) {
        PARTS.forEach((part, inPart) -> {
            Totals totals = Totals.of(inputs, which.and(inPart));
            Map<Column, Long> cells = new LinkedHashMap<>();
            cells.put(INITIAL_BUDGET, totals.initialFen());
            cells.put(FULL_YEAR_BUDGET, totals.fullYearFen());
            cells.put(EXECUTED, totals.executedFen());
            cells.put(COMMITTED, totals.committedFen());
            rows.add(new ReportRow(code, name, null, null, null, part, cells));
        });
    }

    /** {@code {part}:{code}}, e.g. {@code all:TOTAL}, {@code current_fiscal:业务工作经费}. */
    @Override
    public String address(ReportRow row) {
        return row.part() + ":" + row.code();
    }

    /**
     * A row is {@code {part}:TOTAL} or {@code {part}:{project}} (at department scope {@code {part}:{unit}/{project}}),
     * with or without a row in the report at this point; 执行率 is no sum of transactions.
     */
    @Override
    public Optional<CellSum> cell(String row, Column column) {
        String[] partAndCode = row.split(":", 2);
        FactSelection part = partAndCode.length == 2 ? PARTS.get(partAndCode[0]) : null;
        if (part == null || partAndCode[1].isEmpty()) {
            return Optional.empty();
        }
        FactSelection which = part.and(partAndCode[1].equals(SubjectRows.TOTAL) ? FactSelection.all()
                : FactSelection.project(partAndCode[1]));
        return Optional.ofNullable(Totals.cells(which).get(column));
    }

    /**
     * As the 项目资金 block of the 绩效自评表 (附件2/3) prints it: each project once, its name over its four rows of
     * funds; 年初预算数, 全年预算数, 全年执行数, then 分值 (10), 执行率 and 得分 (分值 × min(执行率, 100%)), the score
     * on the 年度资金总额 row only, as the 附件 scores it; then what is committed and not yet paid (冻结未支付数).
     */
    @Override
    public FormLayout layout(Report report) {
        FormLayout grid = new FormLayout(FORM, 1, List.of(0, 1));
        grid.add(List.of("项目", "资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分", "冻结未支付数"));
        int first = -1;
        String project = null;
        for (ReportRow row : report.rows()) {
            int index = grid.rows().size();
            if (!row.code().equals(project)) {
                mergeName(grid, first, index - 1);
                first = index;
                project = row.code();
            }
            boolean scored = "all".equals(row.part());
            List<Object> line = new ArrayList<>(List.of(index == first ? row.name() : "",
                    PART_LABELS.getOrDefault(row.part(), "其他资金")));
            line.add(report.number(row, INITIAL_BUDGET));
            line.add(report.number(row, FULL_YEAR_BUDGET));
            line.add(report.number(row, EXECUTED));
            line.add(scored ? "10" : "");
            line.add(report.number(row, RATE));
            line.add(scored ? score(row) : "");
            line.add(report.number(row, COMMITTED));
            grid.add(line);
        }
        mergeName(grid, first, grid.rows().size() - 1);
        return grid;
    }

    private static void mergeName(FormLayout grid, int firstRow, int lastRow) {
        if (firstRow > 0 && lastRow > firstRow) {
            grid.merge(firstRow, lastRow, 0, 0);
        }
    }

    /** The form's 得分, or empty when there is no budget (no 执行率 either). */
    private static Object score(ReportRow row) {
        long budgetFen = row.fen(FULL_YEAR_BUDGET);
        return budgetFen <= 0 ? "" : new FormLayout.Amount(score(row.fen(EXECUTED), budgetFen), null, null);
    }

    /**
     * 得分 = 分值 10 × min(执行数 / 全年预算数, 1) (not below 0), half-up to two decimals; 0 without a budget. The one
     * definition, for the form and the publication's 第五部分.
     */
    public static BigDecimal score(long executedFen, long fullYearFen) {
        if (fullYearFen <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rate = BigDecimal.valueOf(executedFen).divide(BigDecimal.valueOf(fullYearFen), 20, RoundingMode.HALF_UP)
                .min(BigDecimal.ONE).max(BigDecimal.ZERO);
        return BigDecimal.TEN.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The budget, execution and open commitments of the lines selected. */
    public record Totals(long initialFen, long fullYearFen, long executedFen, long committedFen) {
        public static Totals of(ReportInputs inputs, FactSelection which) {
            long initial = inputs.sum(initial(which));
            return new Totals(initial, Math.addExact(initial, inputs.sum(adjustments(which))), inputs.sum(executed(which)),
                    inputs.sum(committed(which)));
        }

        /** The lines of one project (at department scope, as the consolidated sums name it: {unit}/{project}). */
        public static Totals ofProject(ReportInputs inputs, String project) {
            return of(inputs, PARTS.get("all").and(FactSelection.project(project)));
        }

        /** What each amount column adds up over the lines selected, as {@link #of} adds it. */
        static Map<Column, CellSum> cells(FactSelection which) {
            CellSum initial = CellSum.of(initial(which));
            return Map.of(INITIAL_BUDGET, initial, FULL_YEAR_BUDGET, initial.plus(CellSum.of(adjustments(which))),
                    EXECUTED, CellSum.of(executed(which)), COMMITTED, CellSum.of(committed(which)));
        }

        /** 年初预算数: appropriated, opened or carried in. */
        private static FactSelection initial(FactSelection which) {
            return FactSelection.measures(Measure.BUDGET).and(which);
        }

        /** 追加/调减 and 调剂: the full-year budget is the initial one with these. */
        private static FactSelection adjustments(FactSelection which) {
            return FactSelection.measures(Measure.ADJUSTMENT).and(which);
        }

        /** 全年执行数: paid, net of same-year refunds. */
        private static FactSelection executed(FactSelection which) {
            return FactSelection.measures(Measure.EXPENDITURE).and(which);
        }

        /** 冻结未支付数: committed, less what was paid under the commitments and released of them. */
        private static FactSelection committed(FactSelection which) {
            return FactSelection.measures(Measure.COMMITTED).and(which);
        }

        /** The whole unit's: every line of the budget, of any part. */
        public static Totals ofUnit(ReportInputs inputs) {
            return of(inputs, PARTS.get("all"));
        }

        /** executed / full-year budget in percent, two decimals, half-up; empty when the budget is 0. */
        public String rate() {
            return Column.percentOf(executedFen, fullYearFen);
        }
    }

    private static Map<String, FactSelection> parts() {
        Map<String, FactSelection> parts = new LinkedHashMap<>();
        parts.put("all", FactSelection.origins(LineOrigin.values()));
        parts.put("current_fiscal", FactSelection.origins(LineOrigin.APPROPRIATION).and(FactSelection.fiscal(true)));
        parts.put("carried_in", FactSelection.origins(LineOrigin.OPENING, LineOrigin.CARRY_OVER));
        parts.put("other", FactSelection.origins(LineOrigin.APPROPRIATION).and(FactSelection.fiscal(false)));
        return parts;
    }
}
