package org.budgetledger.web.security;

import java.util.List;

/**
 * The units' parent chains as they stand now (SPEC §13): what a grant of a unit lets a caller read. Each service
 * answers it from what it knows of the units (the ledger from its register, the projection from the unit
 * events it applied).
 */
public interface UnitTree {

    /** A tree with no parents: every unit is a department of its own. */
    UnitTree FLAT = unit -> List.of();

    /** The unit's ancestors, its parent first, as of today and as known now; empty for an unknown unit or a top one. */
    List<String> ancestors(String unit);
}
