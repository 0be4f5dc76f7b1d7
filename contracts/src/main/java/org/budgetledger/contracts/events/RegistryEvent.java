package org.budgetledger.contracts.events;

/**
 * An event of the ledger's registers (SPEC §12): a unit registered or changed, a catalog code added. It is
 * stored in the same event store and hash chain as the {@link LedgerEvent}s and published on the same topic,
 * but it belongs to no budget year and no transaction, so it carries neither.
 *
 * <p>On the topic its key is {@link #key()}; its value holds the envelope, its own fields and the integrity
 * fields, like every other event.
 */
public sealed interface RegistryEvent permits UnitRegistered, UnitChanged, CatalogCodeAdded {

    /** Who made the registration or change. */
    String principal();

    /** The record key on the topic: the unit's code for a unit's events, {@code catalog} for catalog additions. */
    String key();

    /** The event's name as it appears in {@code type} and in the CloudEvents type {@code budgetledger.<name>.v1}. */
    default String eventName() {
        return getClass().getSimpleName();
    }
}
