package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.UnitType;

/**
 * 单位登记: a budget unit with its name, its parent (上级单位 / 主管部门; null for a unit at the top of its
 * department) and its type ({@code unitType}: {@code type} names the event on the topic). A registration holds from the beginning of time until the unit's first change.
 */
public record UnitRegistered(String unit, String name, String parent, UnitType unitType, String principal) implements RegistryEvent {

    @Override
    public String key() {
        return unit;
    }
}
