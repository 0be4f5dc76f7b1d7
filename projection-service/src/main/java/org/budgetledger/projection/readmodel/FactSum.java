package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sum of facts that share every dimension: what a report is computed from. The database sums them with
 * a GROUP BY; {@link #of(Iterable)} sums them in memory (the reference).
 */
public record FactSum(Measure measure, Fund fund, String subject, Kind kind, String economic, String project,
                      LineOrigin origin, long fen) {

    /** 类: the first three digits of the subject. */
    public String subjectClass() {
        return subject.substring(0, 3);
    }

    public static List<FactSum> of(Iterable<Fact> facts) {
        Map<List<Object>, long[]> sums = new HashMap<>();
        Map<List<Object>, Fact> examples = new HashMap<>();
        for (Fact fact : facts) {
            List<Object> key = java.util.Arrays.asList(fact.measure(), fact.fund(), fact.subject(), fact.kind(),
                    fact.economic(), fact.project(), fact.origin());
            sums.computeIfAbsent(key, k -> new long[1])[0] += fact.amountFen();
            examples.putIfAbsent(key, fact);
        }
        List<FactSum> result = new ArrayList<>();
        sums.forEach((key, fen) -> {
            if (fen[0] == 0) {
                return; // a group that sums to nothing is no group, as in the database's answer
            }
            Fact fact = Objects.requireNonNull(examples.get(key));
            result.add(new FactSum(fact.measure(), fact.fund(), fact.subject(), fact.kind(), fact.economic(),
                    fact.project(), fact.origin(), fen[0]));
        });
        return result;
    }
}
