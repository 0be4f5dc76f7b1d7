package org.budgetledger.ledger.audit;

import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.web.security.UnitAccess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The units as the verified events have them ({@code UnitRegistered}, {@code UnitChanged}), not as the register's
 * tables do: whom verification shows the details of a row that disagrees with its events. The tables may be the very
 * thing changed — a unit moved in them under an auditor's unit would otherwise show that auditor another department's
 * row. Bounded by the units and their changes, like {@link RegisterCheck}.
 */
final class UnitsByEvents {

    private final List<UnitRegistered> registrations = new ArrayList<>();
    private final Map<Long, UnitChanged> changes = new HashMap<>();

    void add(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            if (stored.event() instanceof UnitRegistered registered) {
                registrations.add(registered);
            } else if (stored.event() instanceof UnitChanged changed) {
                changes.put(stored.sequence(), changed);
            }
        }
    }

    /** Who reads which unit by these events, as of today (SPEC §13). */
    UnitAccess access(RegisteredUnitTree tree) {
        return tree.accessBy(registrations, changes);
    }
}
