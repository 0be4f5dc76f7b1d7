package org.budgetledger.projection.reports;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.Measure;

import java.util.HashMap;
import java.util.Map;

/**
 * Sums of fact amounts by (measure, fund, 类): what the summary table needs. Built either from facts in
 * memory (the reference) or from the database's GROUP BY (the fast path); both must agree.
 */
public final class FactTotals {

    record Key(Measure measure, Fund fund, String subjectClass) {
    }

    private final Map<Key, Long> fenByKey = new HashMap<>();

    public static FactTotals of(Iterable<Fact> facts) {
        FactTotals totals = new FactTotals();
        for (Fact fact : facts) {
            totals.add(fact.measure(), fact.fund(), fact.subjectClass(), fact.amountFen());
        }
        return totals;
    }

    public void add(Measure measure, Fund fund, String subjectClass, long fen) {
        fenByKey.merge(new Key(measure, fund, subjectClass), fen, Math::addExact);
    }

    public long sum(Measure measure) {
        return sum(measure, null, null);
    }

    /** The sum over every key matching the given measure and, when not null, fund and 类. */
    public long sum(Measure measure, Fund fund, String subjectClass) {
        long fen = 0;
        for (Map.Entry<Key, Long> entry : fenByKey.entrySet()) {
            Key key = entry.getKey();
            if (key.measure() == measure && (fund == null || key.fund() == fund)
                    && (subjectClass == null || key.subjectClass().equals(subjectClass))) {
                fen = Math.addExact(fen, entry.getValue());
            }
        }
        return fen;
    }

    /** 年末结转和结余 = opening + income + reserve − expenditure − distributed. */
    public long closing() {
        return sum(Measure.OPENING) + sum(Measure.INCOME) + sum(Measure.RESERVE)
                - sum(Measure.EXPENDITURE) - sum(Measure.DISTRIBUTED);
    }
}
