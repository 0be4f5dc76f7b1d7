package org.budgetledger.ledger.units;

import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's unit tree (SPEC §13): each unit's parents as of today, as the register knows them now, and the
 * {@link UnitAccess} every read of the ledger checks with. Read again when the register grew (rows are only added, so
 * their count is a version) or the day changed, else answered from memory: every read of a unit's data asks it.
 *
 * <p>Neither the tree nor the access is a bean of the web-common types: the standalone launcher runs the ledger and
 * the projection in one application context, and the projection supplies its own tree (from the unit events it
 * applied), so beans of those types would be ambiguous there.
 */
@Component
public class RegisteredUnitTree {

    private record Snapshot(long version, LocalDate day, Map<String, String> parents) {
    }

    private final Units units;
    private final ZoneId zone;
    private final UnitAccess access = new UnitAccess(this::ancestors);
    private volatile Snapshot snapshot = new Snapshot(-1, LocalDate.MIN, Map.of());

    /** @param zone the calendar of "today", the same setting as the reports' ({@code budgetledger.reports.zone}) */
    RegisteredUnitTree(Units units, @Value("${budgetledger.reports.zone:Asia/Shanghai}") ZoneId zone) {
        this.units = units;
        this.zone = zone;
    }

    /** Who reads which unit: a grant of a unit reads its department as of today (SPEC §13). */
    public UnitAccess access() {
        return access;
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The unit's ancestors as of today, its parent first. */
    public List<String> ancestors(String unit) {
        return ancestors(current().parents(), unit);
    }

    /** Of the units given, those the caller reads: one look at the tree for all of them. */
    public List<String> readBy(Caller caller, List<String> units) {
        Map<String, String> parents = current().parents();
        UnitAccess now = new UnitAccess(unit -> ancestors(parents, unit));
        return units.stream().filter(unit -> now.reads(caller, unit)).toList();
    }

    /**
     * Who reads which unit by the given unit events rather than by the register's tables, as of today: what
     * verification decides by when those tables may have been changed behind the events' back.
     *
     * @param changes the changes by the sequence of their events (which orders changes effective on the same day)
     */
    public UnitAccess accessBy(List<UnitRegistered> registrations, Map<Long, UnitChanged> changes) {
        UnitRecords records = new UnitRecords(registrations.stream().map(registered -> new UnitRecords.Registration(
                        registered.unit(), registered.name(), registered.parent(), registered.unitType(), null, null)).toList(),
                changes.entrySet().stream().map(change -> new UnitRecords.Change(change.getValue().unit(),
                        change.getValue().effectiveDate(), change.getValue().name(), change.getValue().parent(),
                        change.getValue().unitType(), change.getKey(), null)).toList());
        Map<String, String> parents = records.parentsAt(today());
        return new UnitAccess(unit -> ancestors(parents, unit));
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long version = units.version();
        LocalDate today = today();
        if (known.version() == version && known.day().equals(today)) {
            return known;
        }
        Snapshot read = new Snapshot(version, today, units.records().parentsAt(today));
        snapshot = read;
        return read;
    }

    private static List<String> ancestors(Map<String, String> parents, String unit) {
        List<String> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unit));
        // the register refuses cycles; the guard keeps a damaged table from looping
        for (String parent = parents.get(unit); parent != null && seen.add(parent); parent = parents.get(parent)) {
            ancestors.add(parent);
        }
        return ancestors;
    }
}
