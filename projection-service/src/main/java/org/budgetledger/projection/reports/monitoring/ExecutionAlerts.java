package org.budgetledger.projection.reports.monitoring;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.LineFigures;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.t09.ThreePublicExpenditure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Execution monitoring (SPEC §14): the alerts of a unit-year at one (asOf, knownAt), each naming the figures it was
 * computed from. The rules, with the thresholds of {@link Thresholds}:
 * <ul>
 * <li>{@code BEHIND_SCHEDULE}: a project's or a line's rate (paid ÷ full-year budget) is more than the lag allowed
 * below 序时进度, both as the reports print them (percent, two decimals, half-up);</li>
 * <li>{@code OVERDUE_COMMITMENT}: a commitment has a scheduled payment whose date has passed, unpaid;</li>
 * <li>{@code YEAR_END_FORECAST}: what a project or a line has paid, plus what its commitments are scheduled to pay
 * by 31 December, is below the share of its full-year budget expected (exact, in 分);</li>
 * <li>{@code THREE_PUBLIC_NEAR_LIMIT}: a 三公 category's fiscal spending is 80% of its limit or more, the limit
 * above 0 (exact; at department scope the units' limits and spending summed, as 公开09表 sums them).</li>
 * </ul>
 * A project or line with no full-year budget above 0 has no rate and is not judged. Alerts come in the order of the
 * codes above; within a code projects before lines, each in order of its id.
 */
public final class ExecutionAlerts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<ThreePublicCategory, Column> CATEGORY_COLUMNS = Map.of(
            ThreePublicCategory.ABROAD, ThreePublicExpenditure.ABROAD,
            ThreePublicCategory.VEHICLE_PURCHASE, ThreePublicExpenditure.VEHICLE_PURCHASE,
            ThreePublicCategory.VEHICLE_OPERATION, ThreePublicExpenditure.VEHICLE_OPERATION,
            ThreePublicCategory.RECEPTION, ThreePublicExpenditure.RECEPTION);

    private ExecutionAlerts() {
    }

    /** A project or a line: what is judged against 序时进度 and the year-end forecast. */
    private record Judged(String subject, String id, String described, long budgetFen, long paidFen,
                          long scheduledByYearEndFen) {
        Judged plus(long budget, long paid, long scheduled) {
            return new Judged(subject, id, described, budgetFen + budget, paidFen + paid, scheduledByYearEndFen + scheduled);
        }
    }

    public static List<Alert> of(MonitoringInputs inputs, Thresholds thresholds) {
        List<Judged> judged = judged(inputs);
        List<Alert> alerts = new ArrayList<>();
        BigDecimal elapsed = Elapsed.percent(inputs.year(), inputs.asOf());
        judged.forEach(one -> behindSchedule(one, elapsed, thresholds.lagPoints(), alerts));
        overdueCommitments(inputs, alerts);
        judged.forEach(one -> yearEndForecast(one, thresholds.forecastPercent(), alerts));
        threePublicNearLimit(inputs, alerts);
        return List.copyOf(alerts);
    }

    /** The projects (their lines summed), then the lines, each with what its commitments schedule by 31 December. */
    private static List<Judged> judged(MonitoringInputs inputs) {
        LocalDate yearEnd = LocalDate.of(inputs.year(), 12, 31);
        Map<String, Long> scheduledByLine = new TreeMap<>();
        for (OpenCommitment commitment : inputs.commitments()) {
            scheduledByLine.merge(inputs.named(commitment.unit(), commitment.lineId()), commitment.dueByFen(yearEnd), Long::sum);
        }
        Map<String, Judged> projects = new TreeMap<>();
        Map<String, Judged> lines = new TreeMap<>();
        for (LineFigures line : inputs.lines()) {
            String lineId = inputs.named(line.unit(), line.lineId());
            long scheduled = scheduledByLine.getOrDefault(lineId, 0L);
            String project = inputs.named(line.unit(), line.project());
            lines.put(lineId, new Judged(Alert.LINE, lineId, describeLine(lineId, line.kind() == null ? "" : line.kind().label(),
                    project), line.budgetFen(), line.paidFen(), scheduled));
            if (project != null) {
                projects.merge(project, new Judged(Alert.PROJECT, project, "项目“" + project + "”", line.budgetFen(),
                        line.paidFen(), scheduled), (one, other) -> one.plus(other.budgetFen(), other.paidFen(),
                        other.scheduledByYearEndFen()));
            }
        }
        List<Judged> judged = new ArrayList<>(projects.values());
        judged.addAll(lines.values());
        return judged;
    }

    private static String describeLine(String lineId, String kindLabel, String project) {
        return "预算指标“" + lineId + "”（" + (project != null ? "项目“" + project + "”" : kindLabel) + "）";
    }

    private static void behindSchedule(Judged judged, BigDecimal elapsed, BigDecimal lagPoints, List<Alert> alerts) {
        if (judged.budgetFen() <= 0) {
            return;
        }
        BigDecimal rate = new BigDecimal(Column.percentOf(judged.paidFen(), judged.budgetFen()));
        BigDecimal lag = elapsed.subtract(rate);
        if (lag.compareTo(lagPoints) <= 0) {
            return;
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("fullYearBudget", yuan(judged.budgetFen()));
        figures.put("executed", yuan(judged.paidFen()));
        figures.put("rate", rate.toPlainString());
        figures.put("elapsed", elapsed.toPlainString());
        figures.put("lag", lag.toPlainString());
        figures.put("lagPoints", lagPoints.toPlainString());
        alerts.add(new Alert(Alert.BEHIND_SCHEDULE, Alert.WARNING, judged.subject(), judged.id(),
                judged.described() + "执行率 " + rate.toPlainString() + "%，低于序时进度 " + elapsed.toPlainString() + "% 达 "
                        + lag.toPlainString() + " 个百分点（相差超过 " + lagPoints.toPlainString() + " 个百分点即预警）：全年预算 "
                        + yuan(judged.budgetFen()) + " 元，已支付 " + yuan(judged.paidFen()) + " 元。", figures));
    }

    private static void overdueCommitments(MonitoringInputs inputs, List<Alert> alerts) {
        LocalDate today = inputs.today();
        List<Alert> overdue = new ArrayList<>();
        for (OpenCommitment commitment : inputs.commitments()) {
            long overdueFen = commitment.overdueFen(today);
            if (overdueFen <= 0) {
                continue;
            }
            String lineId = inputs.named(commitment.unit(), commitment.lineId());
            String id = inputs.named(commitment.unit(), commitment.id());
            LocalDate since = commitment.overdueSince(today).orElseThrow();
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("commitment", id);
            figures.put("contract", commitment.contract() == null ? "" : commitment.contract());
            figures.put("payee", commitment.payee() == null ? "" : commitment.payee());
            figures.put("amount", yuan(commitment.amountFen()));
            figures.put("paid", yuan(commitment.paidFen()));
            figures.put("released", yuan(commitment.releasedFen()));
            figures.put("open", yuan(commitment.openFen()));
            figures.put("overdue", yuan(overdueFen));
            figures.put("overdueSince", since.toString());
            figures.put("asOf", today.toString());
            String contract = commitment.contract() == null ? "" : "合同“" + commitment.contract() + "”，";
            String payee = commitment.payee() == null ? "" : "收款人“" + commitment.payee() + "”，";
            overdue.add(new Alert(Alert.OVERDUE_COMMITMENT, Alert.CRITICAL, Alert.LINE, lineId,
                    "预算指标“" + lineId + "”上的冻结“" + id + "”（" + contract + payee + "冻结 " + yuan(commitment.amountFen())
                            + " 元）有 " + yuan(overdueFen) + " 元计划支付已过期未付，最早一笔应于 " + since + " 支付；该冻结尚未支付 "
                            + yuan(commitment.openFen()) + " 元。", figures));
        }
        overdue.sort(Comparator.comparing(Alert::id).thenComparing(alert -> alert.figures().get("commitment")));
        alerts.addAll(overdue);
    }

    private static void yearEndForecast(Judged judged, BigDecimal forecastPercent, List<Alert> alerts) {
        if (judged.budgetFen() <= 0) {
            return;
        }
        long forecastFen = judged.paidFen() + judged.scheduledByYearEndFen();
        // forecast < percent × budget ÷ 100, exactly
        if (BigDecimal.valueOf(forecastFen).multiply(HUNDRED)
                .compareTo(forecastPercent.multiply(BigDecimal.valueOf(judged.budgetFen()))) >= 0) {
            return;
        }
        String forecastRate = Column.percentOf(forecastFen, judged.budgetFen());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("fullYearBudget", yuan(judged.budgetFen()));
        figures.put("executed", yuan(judged.paidFen()));
        figures.put("scheduled", yuan(judged.scheduledByYearEndFen()));
        figures.put("forecast", yuan(forecastFen));
        figures.put("forecastRate", forecastRate);
        figures.put("forecastPercent", forecastPercent.toPlainString());
        alerts.add(new Alert(Alert.YEAR_END_FORECAST, Alert.WARNING, judged.subject(), judged.id(),
                judged.described() + "已支付 " + yuan(judged.paidFen()) + " 元，"
                        + (judged.scheduledByYearEndFen() == 0 ? "冻结中没有计划年底前支付的款项"
                        : "加上冻结中计划年底前支付的 " + yuan(judged.scheduledByYearEndFen()) + " 元")
                        + "，预计全年支付 " + yuan(forecastFen) + " 元，为全年预算 "
                        + yuan(judged.budgetFen()) + " 元的 " + forecastRate + "%，低于 " + forecastPercent.toPlainString()
                        + "% 的年终执行要求。", figures));
    }

    private static void threePublicNearLimit(MonitoringInputs inputs, List<Alert> alerts) {
        List<ReportRow> rows = ThreePublicExpenditure.TABLE.rows(inputs.consolidated());
        ReportRow budget = rows.stream().filter(row -> row.code().equals("budget")).findFirst().orElseThrow();
        ReportRow actual = rows.stream().filter(row -> row.code().equals("actual")).findFirst().orElseThrow();
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            long limitFen = budget.fen(CATEGORY_COLUMNS.get(category));
            long spentFen = actual.fen(CATEGORY_COLUMNS.get(category));
            if (limitFen <= 0 || BigDecimal.valueOf(spentFen).multiply(HUNDRED)
                    .compareTo(Thresholds.NEAR_LIMIT_PERCENT.multiply(BigDecimal.valueOf(limitFen))) < 0) {
                continue;
            }
            boolean usedUp = spentFen >= limitFen;
            String used = Column.percentOf(spentFen, limitFen);
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("limit", yuan(limitFen));
            figures.put("actual", yuan(spentFen));
            figures.put("used", used);
            figures.put("nearLimitPercent", Thresholds.NEAR_LIMIT_PERCENT.toPlainString());
            alerts.add(new Alert(Alert.THREE_PUBLIC_NEAR_LIMIT, usedUp ? Alert.CRITICAL : Alert.WARNING, Alert.CATEGORY,
                    category.name(), category.label() + "已支出 " + yuan(spentFen) + " 元，为预算 " + yuan(limitFen) + " 元的 "
                    + used + "%，" + (usedUp ? "预算已用完，不能再支付。" : "已达到 " + Thresholds.NEAR_LIMIT_PERCENT
                    + "% 的预警线。"), figures));
        }
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
