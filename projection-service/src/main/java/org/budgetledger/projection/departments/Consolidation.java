package org.budgetledger.projection.departments;

import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scope;

import java.util.List;

/**
 * What a report of a unit is computed from in either scope (SPEC §13): the unit's own inputs, or its department's
 * (as of asOf, known at knownAt) consolidated.
 */
public class Consolidation {

    private final FactQueries facts;
    private final DepartmentStructure structure;

    public Consolidation(FactQueries facts, DepartmentStructure structure) {
        this.facts = facts;
        this.structure = structure;
    }

    public DepartmentInputs inputs(String unit, int year, ReportPeriod period, Scope scope) {
        List<String> units = scope == Scope.UNIT ? List.of(unit) : structure.unitsOf(unit, period);
        return facts.department(units.isEmpty() ? List.of(unit) : units, year, period);
    }
}
