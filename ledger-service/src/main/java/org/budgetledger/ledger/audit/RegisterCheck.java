package org.budgetledger.ledger.audit;

import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verification of {@code ledger.unit} and {@code ledger.unit_change}, which the unit tree (and so who reads what)
 * and every unit answer come from: each row is borne out by its event ({@code UnitRegistered}, {@code UnitChanged}
 * with the row's sequence) with the same fields, and each event has its row. Bounded by the units and their changes.
 * Here rather than beside the register: the audit reads the register's tree, so the register cannot depend on it.
 */
@Component
class RegisterCheck implements DerivedTable {

    static final String UNITS = "unit";
    static final String CHANGES = "unit_change";

    private record Seen<E>(long sequence, String eventId, E event) {
    }

    private record UnitRow(String code, String name, String parent, String type) {
    }

    private record ChangeRow(long sequence, String unit, Date effectiveDate, String name, String parent, String type) {
    }

    private final JdbcClient jdbc;

    RegisterCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Comparison compare() {
        Map<String, Seen<UnitRegistered>> registrations = new TreeMap<>();
        Map<Long, Seen<UnitChanged>> changes = new TreeMap<>();
        return new Comparison() {
            @Override
            public Optional<Disagreement> add(List<StoredEvent> events) {
                for (StoredEvent stored : events) {
                    if (stored.event() instanceof UnitRegistered registered && registrations.put(registered.unit(),
                            new Seen<>(stored.sequence(), stored.eventId(), registered)) != null) {
                        return Optional.of(new Disagreement(UNITS, registered.unit(), stored.sequence(), stored.eventId(),
                                "event " + stored.sequence() + " registers this unit a second time", registered.unit()));
                    }
                    if (stored.event() instanceof UnitChanged changed) {
                        changes.put(stored.sequence(), new Seen<>(stored.sequence(), stored.eventId(), changed));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<Disagreement> finish() {
                return compareUnits(registrations).or(() -> compareChanges(changes));
            }
        };
    }

    private Optional<Disagreement> compareUnits(Map<String, Seen<UnitRegistered>> registrations) {
        Map<String, Seen<UnitRegistered>> unmatched = new HashMap<>(registrations);
        for (UnitRow row : jdbc.sql("SELECT code, name, parent, type FROM ledger.unit ORDER BY code").query(UnitRow.class).list()) {
            Seen<UnitRegistered> seen = unmatched.remove(row.code());
            if (seen == null) {
                return Optional.of(new Disagreement(UNITS, row.code(), null, null, "no UnitRegistered event bears this unit out",
                        row.code()));
            }
            UnitRegistered event = seen.event();
            if (!row.name().equals(event.name()) || !Objects.equals(row.parent(), event.parent())
                    || !row.type().equals(event.unitType().name())) {
                return Optional.of(new Disagreement(UNITS, row.code(), seen.sequence(), seen.eventId(), "holds " + row.name()
                        + " / " + row.parent() + " / " + row.type() + ", its registration " + event.name() + " / "
                        + event.parent() + " / " + event.unitType(), row.code()));
            }
        }
        return unmatched.values().stream().min(java.util.Comparator.comparingLong(Seen::sequence))
                .map(seen -> new Disagreement(UNITS, seen.event().unit(), seen.sequence(), seen.eventId(),
                        "missing: event " + seen.sequence() + " registers this unit, but the table has no row for it",
                        seen.event().unit()));
    }

    private Optional<Disagreement> compareChanges(Map<Long, Seen<UnitChanged>> changes) {
        Map<Long, Seen<UnitChanged>> unmatched = new HashMap<>(changes);
        for (ChangeRow row : jdbc.sql("SELECT sequence, unit, effective_date, name, parent, type FROM ledger.unit_change ORDER BY sequence")
                .query(ChangeRow.class).list()) {
            String key = row.unit() + "@" + row.sequence();
            Seen<UnitChanged> seen = unmatched.remove(row.sequence());
            if (seen == null) {
                return Optional.of(new Disagreement(CHANGES, key, null, null, "no UnitChanged event with its sequence bears this change out",
                        row.unit()));
            }
            UnitChanged event = seen.event();
            if (!row.unit().equals(event.unit()) || !row.effectiveDate().toLocalDate().equals(event.effectiveDate())
                    || !Objects.equals(row.name(), event.name()) || !Objects.equals(row.parent(), event.parent())
                    || !Objects.equals(row.type(), event.unitType() == null ? null : event.unitType().name())) {
                return Optional.of(new Disagreement(CHANGES, key, seen.sequence(), seen.eventId(),
                        "differs from its UnitChanged event", row.unit()));
            }
        }
        return unmatched.values().stream().min(java.util.Comparator.comparingLong(Seen::sequence))
                .map(seen -> new Disagreement(CHANGES, seen.event().unit() + "@" + seen.sequence(), seen.sequence(), seen.eventId(),
                        "missing: event " + seen.sequence() + " changes this unit, but the table has no row for it",
                        seen.event().unit()));
    }
}
