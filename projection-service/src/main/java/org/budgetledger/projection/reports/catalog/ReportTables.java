package org.budgetledger.projection.reports.catalog;

import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.t02.Income;
import org.budgetledger.projection.reports.t03.Expenditure;
import org.budgetledger.projection.reports.t04.FiscalSummary;
import org.budgetledger.projection.reports.t05.GeneralBudgetExpenditure;
import org.budgetledger.projection.reports.t06.GeneralBudgetBasicByEconomic;
import org.budgetledger.projection.reports.t07.GovFund;
import org.budgetledger.projection.reports.t08.StateCapitalExpenditure;
import org.budgetledger.projection.reports.t09.ThreePublicExpenditure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every report by its name in the URL, in the order the workbook and the API description list them: the
 * nine 公开表 and execution. Everything else about a table is in its own package.
 */
public final class ReportTables {

    private static final Map<String, ReportTable> BY_NAME = new LinkedHashMap<>();

    static {
        for (ReportTable table : new ReportTable[]{IncomeAndExpenditureSummary.TABLE, Income.TABLE, Expenditure.TABLE,
                FiscalSummary.TABLE, GeneralBudgetExpenditure.TABLE, GeneralBudgetBasicByEconomic.TABLE, GovFund.TABLE,
                StateCapitalExpenditure.TABLE, ThreePublicExpenditure.TABLE, BudgetExecution.TABLE}) {
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
