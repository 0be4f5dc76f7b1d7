package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.UnitType;

import java.time.LocalDate;

/**
 * 单位变更: a unit renamed, regraded or moved to another parent from {@code effectiveDate} on. Only what
 * changed is given; a null field keeps the value it had. A unit's attributes on a date are its registration
 * overlaid, in order of effective date (then of sequence), by every change effective on or before that date,
 * so that a change recorded late for an earlier date does not undo a later one.
 */
public record UnitChanged(String unit, LocalDate effectiveDate, String name, String parent, UnitType unitType,
                          String principal) implements RegistryEvent {

    @Override
    public String key() {
        return unit;
    }
}
