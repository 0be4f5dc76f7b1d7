package org.budgetledger.projection.reports.t08;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.t04.FiscalSummary;
import org.budgetledger.projection.reports.tables.SubjectRows;
import org.budgetledger.projection.reports.tables.SubjectRows.Source;
import org.budgetledger.projection.reports.tables.SubjectTable;

import java.util.List;

import static org.budgetledger.projection.reports.tables.Filters.fund;
import static org.budgetledger.projection.reports.tables.Filters.kind;
import static org.budgetledger.projection.reports.tables.Filters.of;

/** 公开08表 国有资本经营预算财政拨款支出决算表: STATE_CAPITAL expenditure per subject, basic and project. */
public final class StateCapitalExpenditure extends SubjectTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column BASIC = Column.amount("basic");
    public static final Column PROJECT = Column.amount("project");

    private static final OfficialForm FORM = new OfficialForm("国有资本经营预算财政拨款支出决算表", "公开08表",
            List.of("合计", "基本支出", "项目支出"), "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
            "我单位没有使用国有资本经营预算安排的支出，故本表无数据。");

    /** Last of the constants: the constructor may use any of them. */
    public static final StateCapitalExpenditure TABLE = new StateCapitalExpenditure();

    private StateCapitalExpenditure() {
        super(List.of(
                new Source(TOTAL, of(Measure.EXPENDITURE, fund(Fund.STATE_CAPITAL))),
                new Source(BASIC, of(Measure.EXPENDITURE, fund(Fund.STATE_CAPITAL).and(kind(Kind.BASIC)))),
                new Source(PROJECT, of(Measure.EXPENDITURE, fund(Fund.STATE_CAPITAL).and(kind(Kind.PROJECT))))), List.of());
    }

    /** 本年支出 over 小计 (合计), 基本支出 and 项目支出, as the form heads them. */
    @Override
    protected List<HeaderGroup> headerGroups() {
        return List.of(new HeaderGroup("本年支出", 0, 2));
    }

    @Override
    public String name() {
        return "T08";
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(110, checks -> checks.equal("23b", "04 row 59 state_capital = 08 合计 total",
                "表4第59行“国有资本经营预算财政拨款”栏 = 表8合计行“合计”栏",
                FiscalSummary.line(checks, 59, FiscalSummary.STATE_CAPITAL), checks.code(TABLE, SubjectRows.TOTAL, TOTAL))));
    }
}
