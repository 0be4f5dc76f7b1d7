package org.budgetledger.ledger.units;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.UnitType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every unit's registration and changes as recorded, and what holds on a date (SPEC §12): a registration holds
 * from the beginning of time; each change, in order of (effective date, sequence), replaces the fields it gives
 * from its effective date on. Plain data: the register reads it under its lock and checks a write against it
 * before storing anything.
 */
final class UnitRecords {

    /** SPEC §12: a chain of more than this many units (the unit and its ancestors) is refused. */
    static final int CHAIN_UNITS_MAX = 8;
    /** The registrations' date: before every effective date. */
    static final LocalDate BEGINNING = LocalDate.MIN;

    /** A registration; {@code sequence} and {@code recordedAt} those of its event (null before its event existed). */
    record Registration(String code, String name, String parent, UnitType type, Long sequence, Instant recordedAt) {
    }

    /** A change from {@code effective} on; a null field keeps what held before. */
    record Change(String unit, LocalDate effective, String name, String parent, UnitType type, long sequence,
                  Instant recordedAt) {
    }

    /** What a structure check found wrong: a refusal's code and its detail. */
    record Problem(ProblemCode code, String detail) {
    }

    private static final Comparator<Change> IN_EFFECT_ORDER = Comparator.comparing(Change::effective)
            .thenComparingLong(Change::sequence);

    private final Map<String, Registration> registrations;
    private final List<Change> changes;

    UnitRecords(List<Registration> registrations, List<Change> changes) {
        this.registrations = new LinkedHashMap<>();
        registrations.forEach(registration -> this.registrations.put(registration.code(), registration));
        this.changes = changes.stream().sorted(IN_EFFECT_ORDER).toList();
    }

    boolean exists(String code) {
        return registrations.containsKey(code);
    }

    Optional<Registration> registration(String code) {
        return Optional.ofNullable(registrations.get(code));
    }

    /** The unit's changes in order of effect. */
    List<Change> changesOf(String code) {
        return changes.stream().filter(change -> change.unit().equals(code)).toList();
    }

    /** The unit as it stands on {@code date}, or empty for an unknown unit. */
    Optional<Unit> at(String code, LocalDate date) {
        Registration registration = registrations.get(code);
        if (registration == null) {
            return Optional.empty();
        }
        Unit unit = new Unit(code, registration.name(), registration.parent(), registration.type());
        for (Change change : changes) {
            if (change.unit().equals(code) && !change.effective().isAfter(date)) {
                unit = overlay(unit, change);
            }
        }
        return Optional.of(unit);
    }

    /** Every unit on {@code date}, in order of code. */
    List<Unit> allAt(LocalDate date) {
        return registrations.keySet().stream().sorted().map(code -> at(code, date).orElseThrow()).toList();
    }

    /** Each unit's parent on {@code date} (a unit at the top has none). */
    Map<String, String> parentsAt(LocalDate date) {
        Map<String, String> parents = new HashMap<>();
        registrations.values().forEach(registration -> {
            if (registration.parent() != null) {
                parents.put(registration.code(), registration.parent());
            }
        });
        for (Change change : changes) {
            if (change.parent() != null && !change.effective().isAfter(date)) {
                parents.put(change.unit(), change.parent());
            }
        }
        return parents;
    }

    /** These records with one more registration. */
    UnitRecords with(Registration registration) {
        List<Registration> all = new ArrayList<>(registrations.values());
        all.add(registration);
        return new UnitRecords(all, changes);
    }

    /** These records with one more change (its sequence after every recorded one). */
    UnitRecords with(Change change) {
        List<Change> all = new ArrayList<>(changes);
        all.add(change);
        return new UnitRecords(new ArrayList<>(registrations.values()), all);
    }

    /**
     * Whether the structure from {@code from} on has a cycle, or a chain of more than {@link #CHAIN_UNITS_MAX} units.
     * It is constant between effective dates, so it is checked on {@code from} and on every later date a change takes
     * effect.
     */
    Optional<Problem> structureProblem(LocalDate from) {
        Set<LocalDate> dates = new TreeSet<>();
        dates.add(from);
        changes.stream().map(Change::effective).filter(date -> date.isAfter(from)).forEach(dates::add);
        Problem tooDeep = null;
        for (LocalDate date : dates) {
            Map<String, String> parents = parentsAt(date);
            for (String unit : registrations.keySet()) {
                List<String> chain = chain(unit, parents);
                if (chain.size() > 1 && chain.get(chain.size() - 1).equals(chain.get(0))) {
                    return Optional.of(new Problem(ProblemCode.UNIT_CYCLE, "unit " + unit + " would be its own ancestor"
                            + on(date) + ": " + String.join(" → ", chain)));
                }
                if (tooDeep == null && chain.size() > CHAIN_UNITS_MAX) {
                    tooDeep = new Problem(ProblemCode.UNIT_TOO_DEEP, "unit " + unit + " would have a chain of " + chain.size()
                            + " units" + on(date) + " (at most " + CHAIN_UNITS_MAX + "): " + String.join(" → ", chain));
                }
            }
        }
        return Optional.ofNullable(tooDeep);
    }

    /** The unit and its ancestors, parent first; ends with the unit met again when they form a cycle. */
    private static List<String> chain(String unit, Map<String, String> parents) {
        List<String> chain = new ArrayList<>(List.of(unit));
        Set<String> seen = new HashSet<>(chain);
        for (String parent = parents.get(unit); parent != null; parent = parents.get(parent)) {
            chain.add(parent);
            if (!seen.add(parent)) {
                // a cycle that does not pass through the unit is reported for a unit on it
                return parent.equals(unit) ? chain : chain(parent, parents);
            }
        }
        return chain;
    }

    private static String on(LocalDate date) {
        return date.equals(BEGINNING) ? "" : " from " + date;
    }

    static Unit overlay(Unit unit, Change change) {
        return new Unit(unit.code(), change.name() != null ? change.name() : unit.name(),
                change.parent() != null ? change.parent() : unit.parent(), change.type() != null ? change.type() : unit.type());
    }
}
