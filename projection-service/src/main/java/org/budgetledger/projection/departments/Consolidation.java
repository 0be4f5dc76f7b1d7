package org.budgetledger.projection.departments;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a report of a unit is computed from in either scope (SPEC §13): the unit's own inputs, or its department's
 * (as of asOf, known at knownAt) consolidated.
 *
 * <p>The department of a report is the one at its asOf, which need not be the caller's department today: a unit moved
 * into it since, or planned to join it later, would show data the caller may not read. So every unit of the report
 * must be one the caller reads today, or one that was in the caller's department at the report's date (never later
 * than today, so that a reorganisation recorded for the future grants nothing now). Otherwise the whole report
 * answers 404 — dropping the unit would publish a wrong total.
 */
public class Consolidation {

    private final FactQueries facts;
    private final DepartmentStructure structure;
    private final UnitAccess access;
    private final Clock clock;

    public Consolidation(FactQueries facts, DepartmentStructure structure, UnitAccess access, Clock clock) {
        this.facts = facts;
        this.structure = structure;
        this.access = access;
        this.clock = clock;
    }

    public DepartmentInputs inputs(Caller caller, String unit, int year, ReportPeriod period, Scope scope) {
        return inputs(caller, unit, year, List.of(period), scope).get(0);
    }

    /**
     * The inputs at each of the periods of one request (a series' month ends), each as {@link #inputs(Caller, String,
     * int, ReportPeriod, Scope)} answers it: the department at each period, from one reading of the register, and the
     * caller's access to each of its units decided once (a department of 200 units over twelve months would otherwise
     * ask 2,400 times). Every period's department is checked before any fact is read.
     */
    public List<DepartmentInputs> inputs(Caller caller, String unit, int year, List<ReportPeriod> periods, Scope scope) {
        // a unit's own report asks the register only for a caller that may read the unit at its date alone (rare)
        DepartmentStructure held = scope == Scope.UNIT ? structure : structure.snapshot();
        Map<String, Boolean> readsToday = new HashMap<>();
        List<List<String>> departments = new ArrayList<>(periods.size());
        for (ReportPeriod period : periods) {
            List<String> units = scope == Scope.UNIT ? List.of(unit) : held.unitsOf(unit, period);
            requireReadable(caller, unit, units, period, held, readsToday);
            departments.add(units.isEmpty() ? List.of(unit) : units);
        }
        List<DepartmentInputs> inputs = new ArrayList<>(periods.size());
        for (int index = 0; index < periods.size(); index++) {
            inputs.add(facts.department(departments.get(index), year, periods.get(index)));
        }
        return inputs;
    }

    private void requireReadable(Caller caller, String unit, List<String> units, ReportPeriod period, DepartmentStructure held,
                                 Map<String, Boolean> readsToday) {
        if (caller.seesUnit(Caller.ALL_UNITS)) {
            return;
        }
        Set<String> readableThen = null;
        for (String member : units) {
            if (readsToday.computeIfAbsent(member, candidate -> access.reads(caller, candidate))) {
                continue;
            }
            if (readableThen == null) {
                readableThen = readableAt(caller, notLaterThanNow(period), held);
            }
            if (!readableThen.contains(member)) {
                throw new ApiProblem(ProblemCode.NOT_FOUND, "no reports of unit " + unit);
            }
        }
    }

    private static Set<String> readableAt(Caller caller, ReportPeriod period, DepartmentStructure held) {
        Set<String> readable = new HashSet<>();
        caller.units().forEach(granted -> readable.addAll(held.unitsOf(granted, period)));
        return readable;
    }

    private ReportPeriod notLaterThanNow(ReportPeriod period) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return new ReportPeriod(period.asOf().isAfter(today) ? today : period.asOf(),
                period.knownAt().isAfter(now) ? now : period.knownAt());
    }
}
