package org.budgetledger.contracts.events;

/**
 * An event of the ledger's registers (SPEC §12): a unit registered or changed, a catalog code added. It is
 * stored in the same event store and hash chain as the {@link LedgerEvent}s and published on the same topic,
 * but it belongs to no transaction, and (but for a unit-year's disclosure data below) to no budget year, so it carries
 * neither.
 *
 * <p>On the topic its key is {@link #key()} (a unit-year's disclosure data: its unit-year); its value holds the
 * envelope, its own fields and the integrity fields, like every other event. The disclosure data of a unit-year
 * (SPEC §15: {@link UnitYearProfileSet}, {@link ReferenceTablesRecorded}) are registers of this kind too: they move
 * no money and belong to no transaction.
 */
public sealed interface RegistryEvent extends RecordedEvent permits UnitRegistered, UnitChanged, CatalogCodeAdded,
        UnitYearProfileSet, ReferenceTablesRecorded {

    /**
     * The store's aggregate of the event, which is also its record key on the topic but for a unit-year's disclosure
     * data: the unit's code for a unit's events (a budget year's key always holds a colon, a unit's code never),
     * {@code catalog:SUBJECTS} or {@code catalog:ECONOMIC} for catalog additions (never a unit-year: a year is a
     * number), and {@code "{unit}:{year}:profile"} or {@code "{unit}:{year}:reference"} for a unit-year's disclosure
     * data (three parts: never a budget year's two), published under {@code "{unit}:{year}"}
     * ({@link org.budgetledger.contracts.wire.EventRecords#topicKey}, SPEC §5).
     */
    @Override
    String key();
}
