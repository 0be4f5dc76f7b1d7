package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;

import java.util.List;

/**
 * 公开01表 收入支出决算总表: every numbered row of the 2023 form, zeros included: income 1–31 (per fund,
 * reserve used, opening), expenditure 32–62 (per 类, distributed, closing), all funds.
 */
public final class IncomeAndExpenditureSummary implements ReportTable {

    private static final SummaryLayout LAYOUT = new SummaryLayout("/reports/t01-layout.csv");

    @Override
    public String name() {
        return "T01";
    }

    @Override
    public List<String> columns() {
        return List.of("amount");
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
        return LAYOUT.rows(columns(), (holds, column) -> cell(inputs, holds), scale);
    }

    private static long cell(ReportInputs inputs, String holds) {
        String[] parts = holds.split(":", 2);
        return switch (parts[0]) {
            case "income" -> inputs.sum(Measure.INCOME, sum -> sum.fund() == Fund.valueOf(parts[1]));
            case "expenditure" -> inputs.sum(Measure.EXPENDITURE, sum -> sum.subjectClass().equals(parts[1]));
            case "reserve" -> inputs.sum(Measure.RESERVE, sum -> true);
            case "opening" -> inputs.sum(Measure.OPENING, sum -> true);
            case "distributed" -> inputs.sum(Measure.DISTRIBUTED, sum -> true);
            case "closing" -> Balances.closing(inputs, sum -> true);
            default -> throw new IllegalStateException("unknown T01 cell " + holds);
        };
    }
}
