package org.budgetledger.projection.reports.t03;

import org.budgetledger.contracts.codes.Kind;
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
import static org.budgetledger.projection.reports.tables.Filters.kind;
import static org.budgetledger.projection.reports.tables.Filters.of;

/** 公开03表 支出决算表: expenditure of every fund per subject, by kind. */
public final class Expenditure extends SubjectTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column BASIC = Column.amount("basic");
    public static final Column PROJECT = Column.amount("project");
    public static final Column REMIT_SUPERIOR = Column.amount("remit_superior");
    public static final Column OPERATING = Column.amount("operating");
    public static final Column SUBSIDY_AFFILIATE = Column.amount("subsidy_affiliate");

    private static final OfficialForm FORM = new OfficialForm("支出决算表", "公开03表", List.of("本年支出合计", "基本支出",
            "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"), "注：本表反映部门本年度各项支出情况。");

    /** Last of the constants: the constructor may use any of them. */
    public static final Expenditure TABLE = new Expenditure();

    private Expenditure() {
        super(List.of(
                new Source(TOTAL, of(Measure.EXPENDITURE, all())),
                new Source(BASIC, of(Measure.EXPENDITURE, kind(Kind.BASIC))),
                new Source(PROJECT, of(Measure.EXPENDITURE, kind(Kind.PROJECT))),
                new Source(REMIT_SUPERIOR, of(Measure.EXPENDITURE, kind(Kind.REMIT_SUPERIOR))),
                new Source(OPERATING, of(Measure.EXPENDITURE, kind(Kind.OPERATING))),
                new Source(SUBSIDY_AFFILIATE, of(Measure.EXPENDITURE, kind(Kind.SUBSIDY_AFFILIATE)))), List.of());
    }

    @Override
    public String name() {
        return "T03";
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(30, Expenditure::againstSummary), new IdentityGroup(60, Expenditure::rowsAndTree));
    }

    private static void againstSummary(Identities checks) {
        for (int index = 0; index < SubjectRows.FORM_CLASSES.size(); index++) {
            int line = 32 + index;
            String subjectClass = SubjectRows.FORM_CLASSES.get(index);
            long summary = IncomeAndExpenditureSummary.line(checks, line);
            long total = checks.code(TABLE, subjectClass, TOTAL);
            if (summary != 0 || total != 0) {
                checks.equal("9." + subjectClass, "01 row " + line + " = 03 类 " + subjectClass + " total",
                        "表1第" + line + "行 = 表3科目" + subjectClass + "“" + Identities.label(TABLE, TOTAL) + "”栏", summary, total);
            }
        }
        checks.equal("9", "01 row 58 = 03 合计 total",
                "表1第58行 = 表3合计行“" + Identities.label(TABLE, TOTAL) + "”栏", IncomeAndExpenditureSummary.line(checks, 58),
                checks.code(TABLE, SubjectRows.TOTAL, TOTAL));
    }

    private static void rowsAndTree(Identities checks) {
        SubjectIdentities.rowSum(checks, "7", "03: each row, total = Σ of the kind columns", TABLE, TOTAL,
                BASIC, PROJECT, REMIT_SUPERIOR, OPERATING, SUBSIDY_AFFILIATE);
        SubjectIdentities.tree(checks, "8", "03: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项", TABLE, TOTAL, BASIC, PROJECT,
                REMIT_SUPERIOR, OPERATING, SUBSIDY_AFFILIATE);
    }
}
