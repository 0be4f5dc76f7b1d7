package org.budgetledger.ledger.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.RegistryEvent;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;

/**
 * Appends the registers' events (SPEC §12) to the event store, in the caller's database transaction, so that an
 * event is stored exactly when the register's own rows are: through the same storage engine as the budget years'
 * events ({@link CommitOrderedAppend}), so each gets its sequence, its place in the hash chain and its seal, and the
 * publisher puts it on the topic like any other. Its aggregate is {@link RegistryEvent#key()}.
 */
@Component
public class RegistryEventLog {

    /** Arbitrary but fixed key of the registers' lock (beside {@link CommitOrderedAppend#APPEND_LOCK_KEY}). */
    static final long REGISTER_LOCK_KEY = 0x42756467657452L;

    /** Where an appended event landed. */
    public record Appended(String eventId, long sequence, Instant recordedAt) {
    }

    private final EventStorageEngine engine;
    private final JdbcClient jdbc;

    RegistryEventLog(EventStorageEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /**
     * Serializes the registers' writes until the transaction ends: a check of the unit tree (a cycle, a depth) reads
     * what a concurrent change could otherwise make wrong before either commits. Taken before the append lock, as
     * every writer of the registers does, so the two never wait on each other in the other order.
     */
    public void lockRegisters() {
        requireTransaction();
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(REGISTER_LOCK_KEY).query(Integer.class).single();
    }

    /** Appends the event in the current transaction and answers its sequence and recording instant. */
    public Appended append(RegistryEvent event) {
        requireTransaction();
        long aggregateSequence = jdbc.sql("SELECT coalesce(max(sequenceNumber) + 1, 0) FROM " + EventStoreConfiguration.EVENT_TABLE
                + " WHERE aggregateIdentifier = ?").param(event.key()).query(Long.class).single();
        GenericDomainEventMessage<RegistryEvent> message = new GenericDomainEventMessage<>(aggregateType(event), event.key(),
                aggregateSequence, event);
        engine.appendEvents(List.of(message));
        return jdbc.sql("SELECT eventIdentifier, globalIndex, recorded_at FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE eventIdentifier = ?").param(message.getIdentifier())
                .query((row, number) -> new Appended(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant())).single();
    }

    private static String aggregateType(RegistryEvent event) {
        if (event instanceof CatalogCodeAdded) {
            return "Catalog";
        }
        return event instanceof UnitYearProfileSet || event instanceof ReferenceTablesRecorded ? "UnitYearDisclosure" : "Unit";
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a register's event is written in the transaction of its rows");
        }
    }
}
