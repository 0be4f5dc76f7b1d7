package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.ThreePublicCategory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a department's consolidated report (部门汇总, SPEC §13) is computed from: the sums of its units' facts less
 * the internal flows, each left out where it was recorded, and the units' 三公 limits summed per category; and
 * the internal flows themselves, for the 内部往来核对 checks. So that the execution report lists a row per
 * (unit, project), a fact's project is named {@code {unit}/{project}} in the consolidated sums.
 *
 * <p>A department of one unit (a unit without descendants) is that unit's report exactly: nothing is renamed,
 * and nothing is left out.
 *
 * @param units the department's units, the unit itself first
 */
public record DepartmentInputs(List<String> units, ReportInputs consolidated, List<InternalFlow> internalFlows) {

    /** In a consolidated sum, the project of unit {@code unit}. */
    public static String projectOf(String unit, String project) {
        return project == null ? null : unit + "/" + project;
    }

    /** The reference: straight from the facts and limit settings of the events kept by the period. */
    public static DepartmentInputs of(List<Fact> facts, List<LimitSetting> limits, List<String> units, ReportPeriod period) {
        if (units.size() == 1) {
            String unit = units.get(0);
            return new DepartmentInputs(units, ReportInputs.of(facts.stream().filter(fact -> fact.unit().equals(unit)).toList(),
                    limits.stream().filter(limit -> limit.unit().equals(unit)).toList(), period), List.of());
        }
        Set<String> department = new HashSet<>(units);
        List<Fact> kept = new ArrayList<>();
        List<InternalFlow> flows = new ArrayList<>();
        for (Fact fact : facts) {
            if (!department.contains(fact.unit()) || fact.effectiveDate().isAfter(period.asOf())
                    || fact.recordedAt().isAfter(period.knownAt())) {
                continue;
            }
            if (InternalFlow.isInternal(fact, department)) {
                flows.add(new InternalFlow(fact.unit(), fact.counterparty(), fact.measure(), fact.fund(), fact.kind(),
                        fact.amountFen()));
            } else {
                kept.add(new Fact(fact.sequence(), fact.part(), fact.unit(), fact.year(), fact.effectiveDate(), fact.recordedAt(),
                        fact.measure(), fact.fund(), fact.subject(), fact.kind(), fact.economic(),
                        projectOf(fact.unit(), fact.project()), fact.lineId(), fact.origin(), fact.amountFen(), fact.counterparty()));
            }
        }
        ReportInputs sums = ReportInputs.of(kept, List.of(), period);
        Map<ThreePublicCategory, Long> limitsFen = new EnumMap<>(ThreePublicCategory.class);
        for (String unit : units) {
            ReportInputs.of(List.of(), limits.stream().filter(limit -> limit.unit().equals(unit)).toList(), period)
                    .limitsFen().forEach((category, fen) -> limitsFen.merge(category, fen, Long::sum));
        }
        return new DepartmentInputs(units, new ReportInputs(sums.sums(), limitsFen), summed(flows));
    }

    /**
     * Flows summed per (unit, counterparty, measure, fund, kind), those that sum to nothing left out, in one order:
     * what the database's rows and the reference's facts both come to.
     */
    static List<InternalFlow> summed(List<InternalFlow> flows) {
        Map<List<Object>, long[]> sums = new HashMap<>();
        Map<List<Object>, InternalFlow> examples = new HashMap<>();
        for (InternalFlow flow : flows) {
            List<Object> key = java.util.Arrays.asList(flow.unit(), flow.counterparty(), flow.measure(), flow.fund(), flow.kind());
            sums.computeIfAbsent(key, k -> new long[1])[0] += flow.fen();
            examples.putIfAbsent(key, flow);
        }
        List<InternalFlow> result = new ArrayList<>();
        sums.forEach((key, fen) -> {
            if (fen[0] != 0) {
                InternalFlow flow = Objects.requireNonNull(examples.get(key));
                result.add(new InternalFlow(flow.unit(), flow.counterparty(), flow.measure(), flow.fund(), flow.kind(), fen[0]));
            }
        });
        result.sort(Comparator.comparing(InternalFlow::unit).thenComparing(InternalFlow::counterparty)
                .thenComparing(InternalFlow::measure).thenComparing(InternalFlow::fund)
                .thenComparing(flow -> flow.kind() == null ? "" : flow.kind().name()));
        return List.copyOf(result);
    }
}
