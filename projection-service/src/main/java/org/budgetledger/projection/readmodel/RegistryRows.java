package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.RegistryEvent;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.platform.jdbc.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a delivery's new registry events add (SPEC §12): a unit's registration or change in {@code unit_event},
 * a catalog addition in {@code catalog_code}, as the events said; the register ({@code departments.AppliedRegister})
 * reads them back at any (asOf, knownAt).
 */
final class RegistryRows {

    private final ColumnArrays units = new ColumnArrays("bigint", "varchar", "date", "timestamptz", "varchar", "varchar",
            "varchar");
    private final ColumnArrays codes = new ColumnArrays("bigint", "varchar", "varchar", "varchar", "timestamptz");
    private int events;

    void add(EventEnvelope envelope, RegistryEvent event) {
        events++;
        String recordedAt = envelope.recordedAt().toString();
        if (event instanceof UnitRegistered registered) {
            units.add(envelope.sequence(), registered.unit(), null, recordedAt, registered.name(), registered.parent(),
                    registered.unitType() == null ? null : registered.unitType().name());
        } else if (event instanceof UnitChanged changed) {
            units.add(envelope.sequence(), changed.unit(), changed.effectiveDate().toString(), recordedAt, changed.name(),
                    changed.parent(), changed.unitType() == null ? null : changed.unitType().name());
        } else if (event instanceof CatalogCodeAdded added) {
            codes.add(envelope.sequence(), added.catalog().name(), added.code(), added.name(), recordedAt);
        }
    }

    /**
     * Writes the rows, then counts them in {@code registry_version}: last of a delivery's statements, so that
     * the one row every registry delivery updates is the last lock each takes (no two deliveries wait on each
     * other in opposite orders). The sequence is the key: an event written twice is one row.
     */
    void write(JdbcTemplate jdbc, String schema) {
        if (events == 0) {
            return;
        }
        if (!units.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.unit_event (sequence, unit, effective_date, recorded_at, name, parent, unit_type)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""".formatted(schema),
                    units.arrays());
        }
        if (!codes.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.catalog_code (sequence, catalog, code, name, recorded_at)
                    SELECT * FROM unnest(?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""".formatted(schema),
                    codes.arrays());
        }
        jdbc.update("UPDATE %s.registry_version SET applied = applied + ?".formatted(schema), events);
    }
}
