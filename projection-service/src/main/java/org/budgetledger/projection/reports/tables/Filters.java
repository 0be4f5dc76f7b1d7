package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;

/**
 * The selections of facts the tables' columns are made of: data ({@link FactSelection}), so that a cell's
 * definition also lists the transactions behind it.
 */
public final class Filters {

    private Filters() {
    }

    public static FactSelection of(Measure measure, FactSelection which) {
        return FactSelection.measures(measure).and(which);
    }

    public static FactSelection fund(Fund fund) {
        return FactSelection.funds(fund);
    }

    /** 财政拨款: the three appropriation funds. */
    public static FactSelection fiscal() {
        return FactSelection.fiscal(true);
    }

    public static FactSelection kind(Kind kind) {
        return FactSelection.kinds(kind);
    }

    public static FactSelection all() {
        return FactSelection.all();
    }
}
