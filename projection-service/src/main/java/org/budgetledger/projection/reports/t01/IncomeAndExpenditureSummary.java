package org.budgetledger.projection.reports.t01;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.tables.Balances;
import org.budgetledger.projection.reports.tables.TwoSidedTable;

import java.util.List;

/**
 * 公开01表 收入支出决算总表: every numbered row of the 2023 form, zeros included: income 1–31 (per fund,
 * reserve used, opening), expenditure 32–62 (per 类, distributed, closing), all funds.
 */
public final class IncomeAndExpenditureSummary extends TwoSidedTable {

    public static final Column AMOUNT = Column.amount("amount");

    private static final OfficialForm FORM = new OfficialForm("收入支出决算总表", "公开01表", List.of("金额"),
            "注：本表反映部门本年度的总收支和年末结转结余情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final IncomeAndExpenditureSummary TABLE = new IncomeAndExpenditureSummary();

    private IncomeAndExpenditureSummary() {
        super("/reports/t01-layout.csv");
    }

    @Override
    public String name() {
        return "T01";
    }

    @Override
    public List<Column> columns() {
        return List.of(AMOUNT);
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    protected CellSum held(String holds, Column column) {
        String[] parts = holds.split(":", 2);
        return switch (parts[0]) {
            case "income" -> CellSum.of(FactSelection.measures(Measure.INCOME).and(FactSelection.funds(Fund.valueOf(parts[1]))));
            case "expenditure" -> CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.subjects(parts[1])));
            case "reserve" -> CellSum.of(FactSelection.measures(Measure.RESERVE));
            case "opening" -> CellSum.of(FactSelection.measures(Measure.OPENING));
            case "distributed" -> CellSum.of(FactSelection.measures(Measure.DISTRIBUTED));
            case "closing" -> Balances.closing(FactSelection.all());
            default -> throw new IllegalStateException("unknown T01 cell " + holds);
        };
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(10, IncomeAndExpenditureSummary::sides));
    }

    private static void sides(Identities checks) {
        checks.equal("1", "01: rows 1–8 = row 27", checks.lines(TABLE, AMOUNT, 1, 8), line(checks, 27));
        checks.equal("2a", "01: 27 + 28 + 29 = 31", line(checks, 27) + line(checks, 28) + line(checks, 29), line(checks, 31));
        checks.equal("2b", "01: 58 + 59 + 60 = 62", line(checks, 58) + line(checks, 59) + line(checks, 60), line(checks, 62));
        checks.equal("3", "01: income side total (31) = expenditure side total (62)", line(checks, 31), line(checks, 62));
        checks.equal("4", "01: Σ of the 26 类 (32–57) = 58", checks.lines(TABLE, AMOUNT, 32, 57), line(checks, 58));
    }

    /** The amount of 行次 {@code line}. */
    public static long line(Identities checks, int line) {
        return checks.line(TABLE, line, AMOUNT);
    }
}
