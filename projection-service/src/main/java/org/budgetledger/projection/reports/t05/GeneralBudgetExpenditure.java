package org.budgetledger.projection.reports.t05;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.t03.Expenditure;
import org.budgetledger.projection.reports.t04.FiscalSummary;
import org.budgetledger.projection.reports.tables.SubjectIdentities;
import org.budgetledger.projection.reports.tables.SubjectRows;
import org.budgetledger.projection.reports.tables.SubjectRows.Source;
import org.budgetledger.projection.reports.tables.SubjectTable;

import java.util.List;

import static org.budgetledger.projection.reports.tables.Filters.fund;
import static org.budgetledger.projection.reports.tables.Filters.kind;
import static org.budgetledger.projection.reports.tables.Filters.of;

/** 公开05表 一般公共预算财政拨款支出决算表: GENERAL_BUDGET expenditure per subject, basic and project. */
public final class GeneralBudgetExpenditure extends SubjectTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column BASIC = Column.amount("basic");
    public static final Column PROJECT = Column.amount("project");

    private static final OfficialForm FORM = new OfficialForm("一般公共预算财政拨款支出决算表", "公开05表",
            List.of("小计", "基本支出", "项目支出"), "注：本表反映部门本年度一般公共预算财政拨款支出情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final GeneralBudgetExpenditure TABLE = new GeneralBudgetExpenditure();

    private GeneralBudgetExpenditure() {
        super(List.of(
                new Source(TOTAL, of(Measure.EXPENDITURE, fund(Fund.GENERAL_BUDGET))),
                new Source(BASIC, of(Measure.EXPENDITURE, fund(Fund.GENERAL_BUDGET).and(kind(Kind.BASIC)))),
                new Source(PROJECT, of(Measure.EXPENDITURE, fund(Fund.GENERAL_BUDGET).and(kind(Kind.PROJECT))))), List.of());
    }

    /** 本年支出 over 小计 (合计), 基本支出 and 项目支出, as the form heads them. */
    @Override
    protected List<HeaderGroup> headerGroups() {
        return List.of(new HeaderGroup("本年支出", 0, 2));
    }

    @Override
    public String name() {
        return "T05";
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(70, GeneralBudgetExpenditure::rowsTreeAndAgainstAll),
                new IdentityGroup(90, GeneralBudgetExpenditure::againstFiscalSummary));
    }

    private static void rowsTreeAndAgainstAll(Identities checks) {
        SubjectIdentities.rowSum(checks, "18", "05: each row, total = basic + project", TABLE, TOTAL, BASIC, PROJECT);
        SubjectIdentities.tree(checks, "18t", "05: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", TABLE, TOTAL, BASIC, PROJECT);
        List<Column[]> pairs = List.of(new Column[]{TOTAL, Expenditure.TOTAL}, new Column[]{BASIC, Expenditure.BASIC},
                new Column[]{PROJECT, Expenditure.PROJECT});
        for (ReportRow row : checks.rows(TABLE)) {
            for (Column[] pair : pairs) {
                long general = row.fen(pair[0]);
                long all = checks.code(Expenditure.TABLE, row.code(), pair[1]);
                if (general > all) {
                    checks.add("19", "05 ≤ 03 in every cell (" + row.code() + " " + pair[0].key() + ")",
                            "表5各单元格 ≤ 表3对应单元格（" + rowName(row) + "“" + Identities.label(TABLE, pair[0]) + "”栏）",
                            general, all, false);
                    return;
                }
            }
        }
        checks.add("19", "05 ≤ 03 in every cell", "表5各单元格 ≤ 表3对应单元格", checks.code(TABLE, SubjectRows.TOTAL, TOTAL),
                checks.code(Expenditure.TABLE, SubjectRows.TOTAL, Expenditure.TOTAL), true);
    }

    private static String rowName(ReportRow row) {
        return SubjectRows.TOTAL.equals(row.code()) ? "合计行" : "科目" + row.code();
    }

    private static void againstFiscalSummary(Identities checks) {
        checks.equal("17", "04 row 59 general_budget = 05 合计 total",
                "表4第59行“一般公共预算财政拨款”栏 = 表5合计行“" + Identities.label(TABLE, TOTAL) + "”栏",
                FiscalSummary.line(checks, 59, FiscalSummary.GENERAL_BUDGET), checks.code(TABLE, SubjectRows.TOTAL, TOTAL));
        for (int index = 0; index < SubjectRows.FORM_CLASSES.size(); index++) {
            String subjectClass = SubjectRows.FORM_CLASSES.get(index);
            long fiscal = FiscalSummary.line(checks, 33 + index, FiscalSummary.GENERAL_BUDGET);
            long general = checks.code(TABLE, subjectClass, TOTAL);
            if (fiscal != 0 || general != 0) {
                checks.equal("17." + subjectClass, "04 row " + (33 + index) + " general_budget = 05 类 " + subjectClass,
                        "表4第" + (33 + index) + "行“一般公共预算财政拨款”栏 = 表5科目" + subjectClass + "“"
                                + Identities.label(TABLE, TOTAL) + "”栏",
                        fiscal, general);
            }
        }
    }
}
