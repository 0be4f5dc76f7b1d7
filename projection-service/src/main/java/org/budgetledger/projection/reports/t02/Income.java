package org.budgetledger.projection.reports.t02;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.tables.SubjectIdentities;
import org.budgetledger.projection.reports.tables.SubjectRows;
import org.budgetledger.projection.reports.tables.SubjectRows.Source;
import org.budgetledger.projection.reports.tables.SubjectTable;

import java.util.List;

import static org.budgetledger.projection.reports.tables.Filters.all;
import static org.budgetledger.projection.reports.tables.Filters.fiscal;
import static org.budgetledger.projection.reports.tables.Filters.fund;
import static org.budgetledger.projection.reports.tables.Filters.of;

/** 公开02表 收入决算表: income per subject; {@code fiscal} is the three appropriation funds. */
public final class Income extends SubjectTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column FISCAL = Column.amount("fiscal");
    public static final Column SUPERIOR_SUBSIDY = Column.amount("superior_subsidy");
    public static final Column BUSINESS = Column.amount("business");
    public static final Column OPERATING = Column.amount("operating");
    public static final Column AFFILIATE = Column.amount("affiliate");
    public static final Column OTHER = Column.amount("other");

    private static final OfficialForm FORM = new OfficialForm("收入决算表", "公开02表", List.of("本年收入合计", "财政拨款收入",
            "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"), "注：本表反映部门本年度取得的各项收入情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final Income TABLE = new Income();

    private Income() {
        super(List.of(
                new Source(TOTAL, of(Measure.INCOME, all())),
                new Source(FISCAL, of(Measure.INCOME, fiscal())),
                new Source(SUPERIOR_SUBSIDY, of(Measure.INCOME, fund(Fund.SUPERIOR_SUBSIDY))),
                new Source(BUSINESS, of(Measure.INCOME, fund(Fund.BUSINESS))),
                new Source(OPERATING, of(Measure.INCOME, fund(Fund.OPERATING))),
                new Source(AFFILIATE, of(Measure.INCOME, fund(Fund.AFFILIATE))),
                new Source(OTHER, of(Measure.INCOME, fund(Fund.OTHER)))), List.of());
    }

    @Override
    public String name() {
        return "T02";
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(20, Income::againstSummary), new IdentityGroup(50, Income::rowsAndTree));
    }

    private static void againstSummary(Identities checks) {
        checks.equal("6a", "01 row 27 = 02 合计 total", IncomeAndExpenditureSummary.line(checks, 27),
                checks.code(TABLE, SubjectRows.TOTAL, TOTAL));
        checks.equal("6b", "01 rows 1 + 2 + 3 = 02 合计 fiscal",
                checks.lines(IncomeAndExpenditureSummary.TABLE, IncomeAndExpenditureSummary.AMOUNT, 1, 3),
                checks.code(TABLE, SubjectRows.TOTAL, FISCAL));
    }

    private static void rowsAndTree(Identities checks) {
        SubjectIdentities.rowSum(checks, "5", "02: each row, total = Σ of the fund columns", TABLE, TOTAL,
                FISCAL, SUPERIOR_SUBSIDY, BUSINESS, OPERATING, AFFILIATE, OTHER);
        SubjectIdentities.tree(checks, "5t", "02: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", TABLE, TOTAL, FISCAL, SUPERIOR_SUBSIDY,
                BUSINESS, OPERATING, AFFILIATE, OTHER);
    }
}
