package org.budgetledger.ledger.units;

import org.budgetledger.contracts.codes.UnitType;

/**
 * 预算单位 on a date: a code of 1–32 characters {@code [0-9A-Za-z_-]}, its name, its parent (上级单位 / 主管部门; null at
 * the top of its department) and its type (SPEC §12).
 */
public record Unit(String code, String name, String parent, UnitType type) {

    /** A unit at the top of its department, of type {@code OTHER}. */
    public Unit(String code, String name) {
        this(code, name, null, UnitType.OTHER);
    }
}
