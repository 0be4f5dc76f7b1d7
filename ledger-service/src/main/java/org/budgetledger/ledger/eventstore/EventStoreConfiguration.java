package org.budgetledger.ledger.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Axon's JDBC event store on the {@code ledger} schema (bytea payloads, no JPA), appending through
 * {@link CommitOrderedAppend}; snapshots are sealed and checked by {@link SealedSnapshots}; events stored at an older
 * version are read in their current shape ({@link StoredEventUpcasting}).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String EVENT_TABLE = LedgerSchema.NAME + ".domain_event_entry";
    /** The one row that hands out the store's sequences, without gaps (V7_1__gap_free_sequence.sql). */
    public static final String SEQUENCE_TABLE = LedgerSchema.NAME + ".event_sequence";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(LedgerSchema.NAME + ".snapshot_event_entry")
                .build();
    }

    /** Every payload's revision: an event's version (SPEC §16), a snapshot's {@code @Revision}. Axon's serializers take it. */
    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisions();
    }

    @Bean
    @DependsOn("ledgerFlyway")
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 IntegrityKey integrityKey) {
        SealedSnapshots sealedSnapshots = new SealedSnapshots(integrityKey, defaultSerializer);
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .appendEvents(new CommitOrderedAppend(integrityKey))
                .upcasterChain(new EventUpcasterChain(new StoredEventUpcasting()))
                .appendSnapshot(sealedSnapshots)
                .snapshotFilter(sealedSnapshots)
                .build();
    }
}
