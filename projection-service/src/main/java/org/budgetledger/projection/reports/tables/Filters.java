package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.Measure;

import java.util.function.Predicate;

/** The selections of summed facts the tables' columns are made of. */
public final class Filters {

    private Filters() {
    }

    public static Predicate<FactSum> of(Measure measure, Predicate<FactSum> which) {
        return sum -> sum.measure() == measure && which.test(sum);
    }

    public static Predicate<FactSum> fund(Fund fund) {
        return sum -> sum.fund() == fund;
    }

    public static Predicate<FactSum> kind(Kind kind) {
        return sum -> sum.kind() == kind;
    }

    public static Predicate<FactSum> all() {
        return sum -> true;
    }
}
