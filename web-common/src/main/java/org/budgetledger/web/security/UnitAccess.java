package org.budgetledger.web.security;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;

/**
 * Which units a caller reads (SPEC §13): a grant of unit U reads U's whole department (U and every unit whose
 * parent chain reaches U), and writes for U alone ({@link Caller#writeRefusal}). A subordinate's caller never
 * reads its parent: reads of a unit the caller may not read answer as if it did not exist (404).
 */
public final class UnitAccess {

    private final UnitTree tree;

    public UnitAccess(UnitTree tree) {
        this.tree = tree;
    }

    public boolean reads(Caller caller, String unit) {
        if (caller.seesUnit(unit)) {
            return true;
        }
        for (String ancestor : tree.ancestors(unit)) {
            if (caller.units().contains(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Reads of a unit the caller may not read answer as if it did not exist. */
    public void requireReadable(Caller caller, String unit, String what) {
        if (!reads(caller, unit)) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no " + what);
        }
    }
}
