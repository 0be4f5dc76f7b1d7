package org.budgetledger.projection.reports.t07;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.t04.FiscalSummary;
import org.budgetledger.projection.reports.tables.SubjectRows;
import org.budgetledger.projection.reports.tables.SubjectRows.Derived;
import org.budgetledger.projection.reports.tables.SubjectRows.Source;
import org.budgetledger.projection.reports.tables.SubjectTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.budgetledger.projection.reports.tables.Filters.fund;
import static org.budgetledger.projection.reports.tables.Filters.kind;
import static org.budgetledger.projection.reports.tables.Filters.of;

/** 公开07表 政府性基金预算财政拨款收入支出决算表: opening, income, expenditure, closing of GOV_FUND money. */
public final class GovFund extends SubjectTable {

    public static final Column OPENING = Column.amount("opening");
    public static final Column INCOME = Column.amount("income");
    public static final Column EXPENDITURE_TOTAL = Column.amount("expenditure_total");
    public static final Column BASIC = Column.amount("basic");
    public static final Column PROJECT = Column.amount("project");
    public static final Column CLOSING = Column.amount("closing");

    private static final FactSelection GOV_FUND = fund(Fund.GOV_FUND);
    private static final OfficialForm FORM = new OfficialForm("政府性基金预算财政拨款收入支出决算表", "公开07表",
            List.of("年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"),
            "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final GovFund TABLE = new GovFund();

    private GovFund() {
        super(List.of(
                        new Source(OPENING, of(Measure.OPENING, GOV_FUND)),
                        new Source(INCOME, of(Measure.INCOME, GOV_FUND)),
                        new Source(EXPENDITURE_TOTAL, of(Measure.EXPENDITURE, GOV_FUND)),
                        new Source(BASIC, of(Measure.EXPENDITURE, GOV_FUND.and(kind(Kind.BASIC)))),
                        new Source(PROJECT, of(Measure.EXPENDITURE, GOV_FUND.and(kind(Kind.PROJECT))))),
                List.of(new Derived(CLOSING, signs())));
    }

    /** 年末 = 年初 + 收入 − 支出. */
    private static Map<Column, Integer> signs() {
        Map<Column, Integer> signs = new LinkedHashMap<>();
        signs.put(OPENING, 1);
        signs.put(INCOME, 1);
        signs.put(EXPENDITURE_TOTAL, -1);
        return signs;
    }

    @Override
    public String name() {
        return "T07";
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(100, GovFund::againstFiscalSummary), new IdentityGroup(120, GovFund::balance));
    }

    private static void againstFiscalSummary(Identities checks) {
        checks.equal("23a", "04 row 59 gov_fund = 07 合计 expenditure", FiscalSummary.line(checks, 59, FiscalSummary.GOV_FUND),
                total(checks, EXPENDITURE_TOTAL));
    }

    private static void balance(Identities checks) {
        checks.equal("23c", "07 合计: 年末 = 年初 + 收入 − 支出", total(checks, CLOSING),
                total(checks, OPENING) + total(checks, INCOME) - total(checks, EXPENDITURE_TOTAL));
    }

    private static long total(Identities checks, Column column) {
        return checks.code(TABLE, SubjectRows.TOTAL, column);
    }
}
