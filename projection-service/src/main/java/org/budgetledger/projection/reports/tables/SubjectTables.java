package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.FactSum;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.SubjectRows;
import org.budgetledger.projection.reports.SubjectRows.Column;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** The tables whose rows are the subject tree: T02, T03, T05, T07, T08, each defined by its columns. */
public final class SubjectTables {

    private SubjectTables() {
    }

    private record SubjectTable(String name, List<Column> sources, Map<String, ToLongFunction<Map<String, Long>>> derived)
            implements ReportTable {

        @Override
        public List<String> columns() {
            List<String> names = new java.util.ArrayList<>(sources.stream().map(Column::name).toList());
            names.addAll(derived.keySet());
            return names;
        }

        @Override
        public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
            return SubjectRows.rows(inputs, sources, derived, scale);
        }
    }

    private static Predicate<FactSum> of(Measure measure, Predicate<FactSum> which) {
        return sum -> sum.measure() == measure && which.test(sum);
    }

    private static Predicate<FactSum> fund(Fund fund) {
        return sum -> sum.fund() == fund;
    }

    private static Predicate<FactSum> kind(Kind kind) {
        return sum -> sum.kind() == kind;
    }

    /** 公开02表 收入决算表: income per subject; {@code fiscal} is the three appropriation funds. */
    public static ReportTable income() {
        Predicate<FactSum> all = sum -> true;
        return new SubjectTable("T02", List.of(
                Column.of("total", of(Measure.INCOME, all)),
                Column.of("fiscal", of(Measure.INCOME, sum -> sum.fund().isFiscal())),
                Column.of("superior_subsidy", of(Measure.INCOME, fund(Fund.SUPERIOR_SUBSIDY))),
                Column.of("business", of(Measure.INCOME, fund(Fund.BUSINESS))),
                Column.of("operating", of(Measure.INCOME, fund(Fund.OPERATING))),
                Column.of("affiliate", of(Measure.INCOME, fund(Fund.AFFILIATE))),
                Column.of("other", of(Measure.INCOME, fund(Fund.OTHER)))), Map.of());
    }

    /** 公开03表 支出决算表: expenditure of every fund per subject, by kind. */
    public static ReportTable expenditure() {
        return new SubjectTable("T03", List.of(
                Column.of("total", of(Measure.EXPENDITURE, sum -> true)),
                Column.of("basic", of(Measure.EXPENDITURE, kind(Kind.BASIC))),
                Column.of("project", of(Measure.EXPENDITURE, kind(Kind.PROJECT))),
                Column.of("remit_superior", of(Measure.EXPENDITURE, kind(Kind.REMIT_SUPERIOR))),
                Column.of("operating", of(Measure.EXPENDITURE, kind(Kind.OPERATING))),
                Column.of("subsidy_affiliate", of(Measure.EXPENDITURE, kind(Kind.SUBSIDY_AFFILIATE)))), Map.of());
    }

    /** 公开05表 一般公共预算财政拨款支出决算表. */
    public static ReportTable generalBudgetExpenditure() {
        return fundExpenditure("T05", Fund.GENERAL_BUDGET);
    }

    /** 公开08表 国有资本经营预算财政拨款支出决算表. */
    public static ReportTable stateCapitalExpenditure() {
        return fundExpenditure("T08", Fund.STATE_CAPITAL);
    }

    private static ReportTable fundExpenditure(String name, Fund fund) {
        return new SubjectTable(name, List.of(
                Column.of("total", of(Measure.EXPENDITURE, fund(fund))),
                Column.of("basic", of(Measure.EXPENDITURE, fund(fund).and(kind(Kind.BASIC)))),
                Column.of("project", of(Measure.EXPENDITURE, fund(fund).and(kind(Kind.PROJECT))))), Map.of());
    }

    /** 公开07表 政府性基金预算财政拨款收入支出决算表: opening, income, expenditure, closing of GOV_FUND money. */
    public static ReportTable govFund() {
        Predicate<FactSum> govFund = fund(Fund.GOV_FUND);
        return new SubjectTable("T07", List.of(
                Column.of("opening", of(Measure.OPENING, govFund)),
                Column.of("income", of(Measure.INCOME, govFund)),
                Column.of("expenditure_total", of(Measure.EXPENDITURE, govFund)),
                Column.of("basic", of(Measure.EXPENDITURE, govFund.and(kind(Kind.BASIC)))),
                Column.of("project", of(Measure.EXPENDITURE, govFund.and(kind(Kind.PROJECT))))),
                Map.of("closing", row -> row.get("opening") + row.get("income") - row.get("expenditure_total")));
    }
}
