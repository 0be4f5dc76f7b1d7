package org.budgetledger.projection.departments;

import org.budgetledger.contracts.codes.UnitType;

/** A unit as it stood on a date, as known at an instant (SPEC §12): its name, its parent (null at the top) and type. */
public record UnitAttributes(String code, String name, String parent, UnitType type) {
}
