package org.budgetledger.projection.reports.api;

import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;

/** The API description's example unit-year, for tests in other packages. */
public final class ExampleUnitYearAccess {

    private ExampleUnitYearAccess() {
    }

    public static ReportInputs inputs(ReportPeriod period) {
        return new ExampleUnitYear().inputs(period);
    }
}
