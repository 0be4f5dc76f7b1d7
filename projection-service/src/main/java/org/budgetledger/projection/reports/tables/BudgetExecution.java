package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.FactSum;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.SubjectRows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * 预算执行 (the 项目资金 block of the 绩效自评表): for the whole unit ({@code TOTAL}) and each project, in four
 * parts — {@code all}, {@code current_fiscal} (this year's fiscal appropriations), {@code carried_in}
 * (opening and carried-in lines), {@code other} (non-fiscal appropriations) — the initial budget, the
 * full-year budget (with adjustments), what was executed (paid) and the rate.
 */
public final class BudgetExecution implements ReportTable {

    static final Map<String, Predicate<FactSum>> PARTS = parts();

    @Override
    public String name() {
        return "execution";
    }

    @Override
    public List<String> columns() {
        return List.of("initial_budget", "full_year_budget", "executed", "rate");
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
        List<ReportRow> rows = new ArrayList<>();
        addRows(rows, SubjectRows.TOTAL, "合计", inputs, sum -> true, scale);
        TreeSet<String> projects = new TreeSet<>();
        inputs.sums().stream().filter(sum -> sum.origin() != null && sum.project() != null)
                .forEach(sum -> projects.add(sum.project()));
        for (String project : projects) {
            addRows(rows, project, project, inputs, sum -> project.equals(sum.project()), scale);
        }
        return rows;
    }

    private static void addRows(List<ReportRow> rows, String code, String name, ReportInputs inputs,
                                Predicate<FactSum> which, Scale scale) {
        PARTS.forEach((part, inPart) -> {
            Totals totals = Totals.of(inputs, which.and(inPart));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("initial_budget", scale.format(totals.initialFen()));
            values.put("full_year_budget", scale.format(totals.fullYearFen()));
            values.put("executed", scale.format(totals.executedFen()));
            values.put("rate", rate(totals.executedFen(), totals.fullYearFen()));
            rows.add(new ReportRow(code, name, null, null, null, part, values));
        });
    }

    /** The budget and execution of the lines selected. */
    public record Totals(long initialFen, long fullYearFen, long executedFen) {
        public static Totals of(ReportInputs inputs, Predicate<FactSum> which) {
            long initial = inputs.sum(Measure.BUDGET, which);
            return new Totals(initial, initial + inputs.sum(Measure.ADJUSTMENT, which),
                    inputs.sum(Measure.EXPENDITURE, which));
        }
    }

    /** executed / full-year budget in percent, two decimals, half-up; empty when the budget is 0. */
    public static String rate(long executedFen, long budgetFen) {
        if (budgetFen == 0) {
            return "";
        }
        return BigDecimal.valueOf(executedFen).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budgetFen), 2, RoundingMode.HALF_UP).toPlainString();
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
