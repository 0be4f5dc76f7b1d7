package org.budgetledger.projection.publication;

import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.execution.BudgetExecution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution table of 第五部分 (the 项目资金 block of a 绩效自评表, SPEC §15): for the whole unit or one project, its
 * rows 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金 with 年初预算数, 全年预算数, 全年执行数 and 执行率 from the execution
 * report, and on 年度资金总额 the 分值 (10) and 得分 = 分值 × min(执行率, 100%), rounded half-up to two decimals.
 */
public record ExecutionSheet(String title, List<Line> lines) {

    /** The 分值 of a project's funds in its 绩效自评表. */
    public static final BigDecimal WEIGHT = BigDecimal.TEN;
    private static final Map<String, String> PART_LABELS = Map.of("all", "年度资金总额", "current_fiscal", "其中：当年财政拨款",
            "carried_in", "上年结转资金", "other", "其他资金");
    private static final List<String> PARTS = List.of("all", "current_fiscal", "carried_in", "other");

    /** A line: amounts in 分; {@code rate} in percent (null when the full-year budget is 0); weight and score on 年度资金总额 only. */
    public record Line(String label, long initialFen, long fullYearFen, long executedFen, BigDecimal weight, BigDecimal rate,
                       BigDecimal score) {
    }

    /** The sheets of an execution report's rows: the whole unit's first (合计), then each project's. */
    public static List<ExecutionSheet> of(List<ReportRow> rows, String totalTitle) {
        Map<String, Map<String, ReportRow>> byProject = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            byProject.computeIfAbsent(row.code(), code -> new LinkedHashMap<>()).put(row.part(), row);
        }
        List<ExecutionSheet> sheets = new ArrayList<>();
        byProject.forEach((code, parts) -> {
            List<Line> lines = new ArrayList<>();
            for (String part : PARTS) {
                ReportRow row = parts.get(part);
                if (row == null) {
                    continue;
                }
                long fullYear = row.fen(BudgetExecution.FULL_YEAR_BUDGET);
                long executed = row.fen(BudgetExecution.EXECUTED);
                BigDecimal rate = fullYear == 0 ? null : Shares.of(executed, fullYear);
                boolean weighted = part.equals("all");
                lines.add(new Line(PART_LABELS.get(part), row.fen(BudgetExecution.INITIAL_BUDGET), fullYear, executed,
                        weighted ? WEIGHT : null, rate, weighted ? score(executed, fullYear) : null));
            }
            String name = parts.values().iterator().next().name();
            sheets.add(new ExecutionSheet(code.equals("TOTAL") ? totalTitle : name, lines));
        });
        return sheets;
    }

    /** 分值 × min(执行数 / 全年预算数, 1), half-up to two decimals; 0 without a budget. */
    static BigDecimal score(long executedFen, long fullYearFen) {
        if (fullYearFen <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rate = BigDecimal.valueOf(executedFen).divide(BigDecimal.valueOf(fullYearFen), 20, RoundingMode.HALF_UP)
                .min(BigDecimal.ONE).max(BigDecimal.ZERO);
        return WEIGHT.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
