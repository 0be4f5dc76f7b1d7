package org.budgetledger.projection.reports.t04;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.tables.Balances;
import org.budgetledger.projection.reports.tables.TwoSidedTable;

import java.util.List;
import java.util.Map;

/**
 * 公开04表 财政拨款收入支出决算总表: fiscal money only. Income rows 1–32 carry the total (as the form does);
 * expenditure rows 33–64 carry the total and one column per fiscal fund.
 */
public final class FiscalSummary extends TwoSidedTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column GENERAL_BUDGET = Column.amount("general_budget");
    public static final Column GOV_FUND = Column.amount("gov_fund");
    public static final Column STATE_CAPITAL = Column.amount("state_capital");

    private static final Map<Column, Fund> FUND_COLUMNS = Map.of(GENERAL_BUDGET, Fund.GENERAL_BUDGET,
            GOV_FUND, Fund.GOV_FUND, STATE_CAPITAL, Fund.STATE_CAPITAL);
    private static final OfficialForm FORM = new OfficialForm("财政拨款收入支出决算总表", "公开04表", List.of("合计",
            "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"),
            "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final FiscalSummary TABLE = new FiscalSummary();

    private FiscalSummary() {
        super("/reports/t04-layout.csv");
    }

    @Override
    public String name() {
        return "T04";
    }

    @Override
    public List<Column> columns() {
        return List.of(TOTAL, GENERAL_BUDGET, GOV_FUND, STATE_CAPITAL);
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    protected CellSum held(String holds, Column column) {
        String[] parts = holds.split(":", 2);
        boolean total = column.equals(TOTAL);
        FactSelection fund = total ? FactSelection.fiscal(true) : FactSelection.funds(FUND_COLUMNS.get(column));
        return switch (parts[0]) {
            case "income" -> total ? CellSum.of(FactSelection.measures(Measure.INCOME).and(FactSelection.funds(Fund.valueOf(parts[1]))))
                    : null;
            case "opening" -> !total ? null : CellSum.of(FactSelection.measures(Measure.OPENING).and(parts[1].equals("FISCAL")
                    ? FactSelection.fiscal(true) : FactSelection.funds(Fund.valueOf(parts[1]))));
            case "expenditure" -> CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(fund)
                    .and(FactSelection.subjects(parts[1])));
            case "closing" -> Balances.closing(fund);
            default -> throw new IllegalStateException("unknown T04 cell " + holds);
        };
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(40, FiscalSummary::againstSummary), new IdentityGroup(80, FiscalSummary::sides));
    }

    /** The amount of 行次 {@code line} in the column. */
    public static long line(Identities checks, int line, Column column) {
        return checks.line(TABLE, line, column);
    }

    private static void againstSummary(Identities checks) {
        ReportInputs inputs = checks.inputs();
        FactSelection nonFiscal = FactSelection.fiscal(false);
        long nonFiscalExpenditure = inputs.sum(Measure.EXPENDITURE, nonFiscal);
        checks.equal("15", "01 row 58 − 04 row 59 = non-fiscal expenditure",
                IncomeAndExpenditureSummary.line(checks, 58) - line(checks, 59, TOTAL), nonFiscalExpenditure);
        long nonFiscalClosing = Balances.closing(nonFiscal).fen(inputs);
        checks.equal("16", "01 row 60 = 04 row 60 + non-fiscal 年末结转和结余", IncomeAndExpenditureSummary.line(checks, 60),
                line(checks, 60, TOTAL) + nonFiscalClosing);
        checks.equal("14", "01 rows 1 + 2 + 3 = 04 row 27",
                checks.lines(IncomeAndExpenditureSummary.TABLE, IncomeAndExpenditureSummary.AMOUNT, 1, 3), line(checks, 27, TOTAL));
    }

    private static void sides(Identities checks) {
        checks.equal("10a", "04: 1 + 2 + 3 = 27", checks.lines(TABLE, TOTAL, 1, 3), line(checks, 27, TOTAL));
        checks.equal("10b", "04: 29 + 30 + 31 = 28", checks.lines(TABLE, TOTAL, 29, 31), line(checks, 28, TOTAL));
        checks.equal("10c", "04: 27 + 28 = 32", line(checks, 27, TOTAL) + line(checks, 28, TOTAL), line(checks, 32, TOTAL));
        checks.equal("11a", "04: 59 + 60 = 64", line(checks, 59, TOTAL) + line(checks, 60, TOTAL), line(checks, 64, TOTAL));
        checks.equal("11b", "04: 32 = 64", line(checks, 32, TOTAL), line(checks, 64, TOTAL));
        for (Column column : TABLE.columns()) {
            checks.equal("12." + column.key(), "04: Σ of the 26 类 (33–58) = 59, column " + column.key(),
                    checks.lines(TABLE, column, 33, 58), line(checks, 59, column));
        }
        record FundRows(Column column, int income, int opening) {
        }
        for (FundRows fund : List.of(new FundRows(GENERAL_BUDGET, 1, 29), new FundRows(GOV_FUND, 2, 30),
                new FundRows(STATE_CAPITAL, 3, 31))) {
            checks.equal("13." + fund.column().key(), "04 " + fund.column().key() + ": 年末 (60) = 年初 (" + fund.opening()
                            + ") + 收入 (" + fund.income() + ") − 支出 (59)", line(checks, 60, fund.column()),
                    line(checks, fund.opening(), TOTAL) + line(checks, fund.income(), TOTAL) - line(checks, 59, fund.column()));
        }
    }
}
