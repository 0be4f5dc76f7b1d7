package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A budget line's figures at one (asOf, knownAt), what execution monitoring (SPEC §14) looks at line by line: its
 * full-year budget (initial amount and changes), what was paid from it (net of refunds) and what is committed on it.
 * In a department's consolidated figures, a payment between two of its units is left out, as the execution report
 * leaves it out.
 */
public record LineFigures(String unit, String lineId, Fund fund, String subject, Kind kind, String project,
                          LineOrigin origin, long budgetFen, long paidFen, long committedFen) {

    /** One order for the database's answer and the reference's: by unit, then line. */
    public static final Comparator<LineFigures> ORDER = Comparator.comparing(LineFigures::unit)
            .thenComparing(LineFigures::lineId);

    /**
     * The reference: straight from the facts of the events kept by the period.
     *
     * @param units the department's units, the unit itself first (one unit: its own figures, nothing left out)
     */
    public static List<LineFigures> of(List<Fact> facts, List<String> units, ReportPeriod period) {
        Set<String> department = new HashSet<>(units);
        boolean consolidating = units.size() > 1;
        Map<List<String>, LineFigures> lines = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact.lineId() == null || !department.contains(fact.unit()) || fact.effectiveDate().isAfter(period.asOf())
                    || fact.recordedAt().isAfter(period.knownAt())
                    || consolidating && InternalFlow.isInternal(fact, department)) {
                continue;
            }
            long budget = fact.measure() == Measure.BUDGET || fact.measure() == Measure.ADJUSTMENT ? fact.amountFen() : 0;
            long paid = fact.measure() == Measure.EXPENDITURE ? fact.amountFen() : 0;
            long committed = fact.measure() == Measure.COMMITTED ? fact.amountFen() : 0;
            lines.merge(List.of(fact.unit(), fact.lineId()), new LineFigures(fact.unit(), fact.lineId(), fact.fund(),
                    fact.subject(), fact.kind(), fact.project(), fact.origin(), budget, paid, committed), LineFigures::plus);
        }
        List<LineFigures> figures = new ArrayList<>(lines.values());
        figures.sort(ORDER);
        return figures;
    }

    private LineFigures plus(LineFigures other) {
        return new LineFigures(unit, lineId, fund, subject, kind, project, origin, Math.addExact(budgetFen, other.budgetFen),
                Math.addExact(paidFen, other.paidFen), Math.addExact(committedFen, other.committedFen));
    }
}
