package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.ReportInputs;

import java.util.function.Predicate;

/** 年末结转和结余 = 年初 + 本年收入 + 使用结余 − 本年支出 − 结余分配, over the facts selected. */
public final class Balances {

    private Balances() {
    }

    public static long closing(ReportInputs inputs, Predicate<FactSum> which) {
        return inputs.sum(Measure.OPENING, which) + inputs.sum(Measure.INCOME, which) + inputs.sum(Measure.RESERVE, which)
                - inputs.sum(Measure.EXPENDITURE, which) - inputs.sum(Measure.DISTRIBUTED, which);
    }
}
