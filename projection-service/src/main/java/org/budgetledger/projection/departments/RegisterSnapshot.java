package org.budgetledger.projection.departments;

import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.projection.readmodel.CodeNames;
import org.budgetledger.projection.readmodel.ReportPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every unit event and catalog addition the projection applied, in memory, as of one {@code registry_version}:
 * the register answers any (asOf, knownAt) from it without asking the database again (DESIGN-18's meaning of a
 * unit's attributes). Immutable.
 */
final class RegisterSnapshot {

    /** A registration (effectiveDate null) or a change of a unit, as its event said. */
    record UnitEvent(long sequence, String unit, LocalDate effectiveDate, Instant recordedAt, String name, String parent,
                     UnitType type) {
    }

    record CodeAdded(long sequence, CatalogKind catalog, String code, String name, Instant recordedAt) {
    }

    /** Registrations first, then changes by effective date; ties by sequence (DESIGN-18). */
    private static final Comparator<UnitEvent> OVERLAY_ORDER = Comparator
            .comparing((UnitEvent event) -> event.effectiveDate() != null)
            .thenComparing(UnitEvent::effectiveDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(UnitEvent::sequence);

    static final RegisterSnapshot EMPTY = new RegisterSnapshot(-1, List.of(), List.of());

    final long version;
    /** Each unit's events in overlay order, units in code order. */
    private final Map<String, List<UnitEvent>> eventsByUnit = new TreeMap<>();
    private final List<CodeAdded> codes;

    RegisterSnapshot(long version, List<UnitEvent> unitEvents, List<CodeAdded> codes) {
        this.version = version;
        for (UnitEvent event : unitEvents) {
            eventsByUnit.computeIfAbsent(event.unit(), unit -> new ArrayList<>()).add(event);
        }
        eventsByUnit.values().forEach(events -> events.sort(OVERLAY_ORDER));
        this.codes = codes.stream().sorted(Comparator.comparingLong(CodeAdded::sequence)).toList();
    }

    /**
     * The unit on asOf as known at knownAt: its registration overlaid by every change effective by asOf and
     * recorded by knownAt, each replacing only what it gives; empty when it was not registered by knownAt.
     */
    Optional<UnitAttributes> unitAt(String unit, ReportPeriod period) {
        List<UnitEvent> events = eventsByUnit.get(unit);
        return events == null ? Optional.empty() : Optional.ofNullable(attributes(unit, events, period));
    }

    private static UnitAttributes attributes(String unit, List<UnitEvent> events, ReportPeriod period) {
        UnitAttributes attributes = null;
        for (UnitEvent event : events) {
            if (event.recordedAt().isAfter(period.knownAt())) {
                continue;
            }
            if (event.effectiveDate() == null) {
                if (attributes == null) { // registered once; a second registration of a code would be the ledger's bug
                    attributes = new UnitAttributes(unit, event.name(), event.parent(), event.type());
                }
            } else if (attributes != null && !event.effectiveDate().isAfter(period.asOf())) {
                attributes = new UnitAttributes(unit, event.name() != null ? event.name() : attributes.name(),
                        event.parent() != null ? event.parent() : attributes.parent(),
                        event.type() != null ? event.type() : attributes.type());
            }
        }
        return attributes;
    }

    /** Every unit registered by knownAt, by its parent on asOf (top units under null), children in code order. */
    Map<String, List<String>> childrenAt(ReportPeriod period) {
        Map<String, List<String>> children = new HashMap<>();
        eventsByUnit.forEach((unit, events) -> {
            UnitAttributes attributes = attributes(unit, events, period);
            if (attributes != null) {
                children.computeIfAbsent(attributes.parent(), parent -> new ArrayList<>()).add(unit);
            }
        });
        return children;
    }

    /** The unit, then every unit whose parent chain on asOf reaches it, in code order. */
    List<String> departmentOf(String unit, ReportPeriod period) {
        Map<String, List<String>> children = childrenAt(period);
        Set<String> seen = new HashSet<>(Set.of(unit));
        List<String> pending = new ArrayList<>(children.getOrDefault(unit, List.of()));
        List<String> descendants = new ArrayList<>();
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (seen.add(next)) { // a cycle the ledger refuses can still not hang a report
                descendants.add(next);
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        descendants.sort(Comparator.naturalOrder());
        List<String> department = new ArrayList<>(descendants.size() + 1);
        department.add(unit);
        department.addAll(descendants);
        return department;
    }

    /** The unit's parent, its parent's parent … on asOf as known at knownAt; empty for an unknown or top unit. */
    List<String> ancestorsOf(String unit, ReportPeriod period) {
        List<String> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unit));
        for (String parent = parentAt(unit, period); parent != null && seen.add(parent); parent = parentAt(parent, period)) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    private String parentAt(String unit, ReportPeriod period) {
        return unitAt(unit, period).map(UnitAttributes::parent).orElse(null);
    }

    /** The catalog's names at knownAt: the built-in ones and every addition recorded by then (the later one wins). */
    CodeNames codeNamesAt(Instant knownAt) {
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> economic = new HashMap<>();
        for (CodeAdded added : codes) {
            if (!added.recordedAt().isAfter(knownAt)) {
                (added.catalog() == CatalogKind.SUBJECTS ? subjects : economic).put(added.code(), added.name());
            }
        }
        return new CodeNames(subjects, economic);
    }
}
