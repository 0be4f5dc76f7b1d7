package org.budgetledger.contracts.events;

/**
 * Anything the event store records and the topic carries: a budget year's {@link LedgerEvent} or a register's
 * {@link RegistryEvent}. Both share the store's sequence and hash chain.
 */
public sealed interface RecordedEvent permits LedgerEvent, RegistryEvent {

    /** Who posted the transaction, or made the registration or change. */
    String principal();

    /** The record key on the topic ({@code "{unit}:{year}"} for a budget year's events). */
    String key();

    /** The event's name as it appears in {@code type} and in the CloudEvents type {@code budgetledger.<name>.v1}. */
    default String eventName() {
        return getClass().getSimpleName();
    }
}
