package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.reports.ReportTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every report by its name in the URL: T01 … T09 and execution. */
public final class ReportTables {

    private static final Map<String, ReportTable> BY_NAME = new LinkedHashMap<>();

    static {
        for (ReportTable table : new ReportTable[]{new IncomeAndExpenditureSummary(), SubjectTables.income(),
                SubjectTables.expenditure(), new FiscalSummary(), SubjectTables.generalBudgetExpenditure(),
                new GeneralBudgetBasicByEconomic(), SubjectTables.govFund(), SubjectTables.stateCapitalExpenditure(),
                new ThreePublicExpenditure(), new BudgetExecution()}) {
            BY_NAME.put(table.name(), table);
        }
    }

    private ReportTables() {
    }

    public static Optional<ReportTable> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, ReportTable> all() {
        return BY_NAME;
    }
}
