package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.FactSum;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * 公开04表 财政拨款收入支出决算总表: fiscal money only. Income rows 1–32 carry the total (as the form does);
 * expenditure rows 33–64 carry the total and one column per fiscal fund.
 */
public final class FiscalSummary implements ReportTable {

    private static final SummaryLayout LAYOUT = new SummaryLayout("/reports/t04-layout.csv");
    private static final Map<String, Fund> FUND_COLUMNS = Map.of("general_budget", Fund.GENERAL_BUDGET,
            "gov_fund", Fund.GOV_FUND, "state_capital", Fund.STATE_CAPITAL);

    @Override
    public String name() {
        return "T04";
    }

    @Override
    public List<String> columns() {
        return List.of("total", "general_budget", "gov_fund", "state_capital");
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
        return LAYOUT.rows(columns(), (holds, column) -> cell(inputs, holds, column), scale);
    }

    private static Long cell(ReportInputs inputs, String holds, String column) {
        String[] parts = holds.split(":", 2);
        Predicate<FactSum> fund = column.equals("total") ? sum -> sum.fund().isFiscal()
                : sum -> sum.fund() == FUND_COLUMNS.get(column);
        return switch (parts[0]) {
            case "income" -> column.equals("total") ? inputs.sum(Measure.INCOME, sum -> sum.fund() == Fund.valueOf(parts[1])) : null;
            case "opening" -> !column.equals("total") ? null : inputs.sum(Measure.OPENING, parts[1].equals("FISCAL")
                    ? sum -> sum.fund().isFiscal() : sum -> sum.fund() == Fund.valueOf(parts[1]));
            case "expenditure" -> inputs.sum(Measure.EXPENDITURE, sum -> fund.test(sum) && sum.subjectClass().equals(parts[1]));
            case "closing" -> Balances.closing(inputs, fund);
            default -> throw new IllegalStateException("unknown T04 cell " + holds);
        };
    }
}
