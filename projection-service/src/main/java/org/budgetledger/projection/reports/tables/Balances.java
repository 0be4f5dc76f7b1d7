package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;

/** 年末结转和结余 = 年初 + 本年收入 + 使用结余 − 本年支出 − 结余分配, over the facts selected. */
public final class Balances {

    private Balances() {
    }

    public static CellSum closing(FactSelection which) {
        return CellSum.of(FactSelection.measures(Measure.OPENING, Measure.INCOME, Measure.RESERVE).and(which))
                .minus(CellSum.of(FactSelection.measures(Measure.EXPENDITURE, Measure.DISTRIBUTED).and(which)));
    }
}
