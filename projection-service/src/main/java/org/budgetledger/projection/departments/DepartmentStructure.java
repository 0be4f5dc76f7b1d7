package org.budgetledger.projection.departments;

import org.budgetledger.projection.readmodel.ReportPeriod;

import java.util.List;

/**
 * SPEC §13: the department of a unit at a point in time — the unit and every unit whose parent chain, as of
 * {@code asOf}, reaches it, in the structure known at {@code knownAt}.
 */
public interface DepartmentStructure {

    /** The unit first, then its descendants in order of code; the unit alone when it has none (or is unknown). */
    List<String> unitsOf(String unit, ReportPeriod period);

    /**
     * The structure as it stands now, for the many questions of one request (a series' month ends, a department's
     * readers): each answer as {@link #unitsOf} would give it, from one reading of the register.
     */
    default DepartmentStructure snapshot() {
        return this;
    }
}
