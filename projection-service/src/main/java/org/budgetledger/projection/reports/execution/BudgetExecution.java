package org.budgetledger.projection.reports.execution;

import org.budgetledger.contracts.codes.LineOrigin;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * 预算执行 (the 项目资金 block of the 绩效自评表): for the whole unit ({@code TOTAL}) and each project, in four
 * parts — {@code all}, {@code current_fiscal} (this year's fiscal appropriations), {@code carried_in}
 * (opening and carried-in lines), {@code other} (non-fiscal appropriations) — the initial budget, the
 * full-year budget (with adjustments), what was executed (paid) and the rate.
 */
public final class BudgetExecution implements ReportTable {

    public static final Column INITIAL_BUDGET = Column.amount("initial_budget");
    public static final Column FULL_YEAR_BUDGET = Column.amount("full_year_budget");
    public static final Column EXECUTED = Column.amount("executed");
    public static final Column RATE = Column.percent("rate", EXECUTED, FULL_YEAR_BUDGET);

    private static final Map<String, Predicate<FactSum>> PARTS = parts();
    private static final Map<String, String> PART_LABELS = Map.of("all", "年度资金总额", "current_fiscal", "其中：当年财政拨款",
            "carried_in", "上年结转资金", "other", "其他资金");
    private static final OfficialForm FORM = new OfficialForm("预算执行情况", "项目资金",
            List.of("年初预算数", "全年预算数", "全年执行数", "执行率（%）"),
            "注：年初预算数为批复和期初结转的指标，全年预算数含年中调整和调剂，执行数为支付数（扣除当年退回）。");

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
        return List.of(INITIAL_BUDGET, FULL_YEAR_BUDGET, EXECUTED, RATE);
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
        addRows(rows, SubjectRows.TOTAL, "合计", inputs, sum -> true);
        // each project's rows from its own sums: a department's statement has a project per (unit, project), and
        // going through every sum for each of them took most of its time at 200 units
        Map<String, List<FactSum>> byProject = new TreeMap<>();
        inputs.sums().stream().filter(sum -> sum.origin() != null && sum.project() != null)
                .forEach(sum -> byProject.computeIfAbsent(sum.project(), project -> new ArrayList<>()).add(sum));
        byProject.forEach((project, sums) -> addRows(rows, project, project, new ReportInputs(sums, Map.of()), sum -> true));
        return rows;
    }

    private static void addRows(List<ReportRow> rows, String code, String name, ReportInputs inputs, Predicate<FactSum> which) {
        PARTS.forEach((part, inPart) -> {
            Totals totals = Totals.of(inputs, which.and(inPart));
            Map<Column, Long> cells = new LinkedHashMap<>();
            cells.put(INITIAL_BUDGET, totals.initialFen());
            cells.put(FULL_YEAR_BUDGET, totals.fullYearFen());
            cells.put(EXECUTED, totals.executedFen());
            rows.add(new ReportRow(code, name, null, null, null, part, cells));
        });
    }

    @Override
    public FormLayout layout(Report report) {
        FormLayout grid = new FormLayout(FORM, 1, List.of(0, 1));
        List<Object> labels = new ArrayList<>(List.of("项目", "资金"));
        labels.addAll(FORM.columnLabels());
        grid.add(labels);
        for (ReportRow row : report.rows()) {
            List<Object> line = new ArrayList<>(List.of(row.name(), PART_LABELS.getOrDefault(row.part(), "其他资金")));
            columns().forEach(column -> line.add(report.number(row, column)));
            grid.add(line);
        }
        return grid;
    }

    /** The budget and execution of the lines selected. */
    public record Totals(long initialFen, long fullYearFen, long executedFen) {
        public static Totals of(ReportInputs inputs, Predicate<FactSum> which) {
            long initial = inputs.sum(Measure.BUDGET, which);
            return new Totals(initial, initial + inputs.sum(Measure.ADJUSTMENT, which),
                    inputs.sum(Measure.EXPENDITURE, which));
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

    private static Map<String, Predicate<FactSum>> parts() {
        Map<String, Predicate<FactSum>> parts = new LinkedHashMap<>();
        parts.put("all", sum -> sum.origin() != null);
        parts.put("current_fiscal", sum -> sum.origin() == LineOrigin.APPROPRIATION && sum.fund().isFiscal());
        parts.put("carried_in", sum -> sum.origin() == LineOrigin.OPENING || sum.origin() == LineOrigin.CARRY_OVER);
        parts.put("other", sum -> sum.origin() == LineOrigin.APPROPRIATION && !sum.fund().isFiscal());
        return parts;
    }
}
