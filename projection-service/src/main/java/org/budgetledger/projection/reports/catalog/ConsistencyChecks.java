package org.budgetledger.projection.reports.catalog;

import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;

import java.util.Comparator;
import java.util.List;

/**
 * The consistency identities (勾稽关系) of DOMAIN.md §3, evaluated exactly in 分 on the tables' typed rows,
 * for one unit-year at one (asOf, knownAt). Each table states the identities it answers for; here they are
 * put in their order. Identity 22 is not a rule and 26 (年初 = last year's 年末) needs the previous year's
 * tables; both are left out. Per-row identities report the first row that fails, or the 合计 row when all hold.
 */
public final class ConsistencyChecks {

    private ConsistencyChecks() {
    }

    public static List<Check> evaluate(ReportInputs inputs) {
        return evaluate(new Identities(inputs));
    }

    /** Every identity, on the rows {@code identities} holds or computes. */
    public static List<Check> evaluate(Identities identities) {
        record Owned(String table, IdentityGroup group) {
        }
        ReportTables.all().values().stream()
                .flatMap(table -> table.identities().stream().map(group -> new Owned(table.name(), group)))
                .sorted(Comparator.comparingInt(owned -> owned.group().order()))
                .forEach(owned -> {
                    identities.evaluating(owned.table());
                    owned.group().evaluate().accept(identities);
                });
        return identities.checks();
    }
}
