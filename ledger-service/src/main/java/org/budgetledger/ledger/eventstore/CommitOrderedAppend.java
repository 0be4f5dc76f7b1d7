package org.budgetledger.ledger.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.budgetledger.contracts.events.LedgerEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Appends events so that the global index is the commit order. Each appending transaction first takes one
 * transaction-scoped advisory lock, held until it commits or rolls back; the identity column therefore
 * hands out its numbers in commit order, and a reader that has seen index n never later finds a new
 * event below n. That makes {@code sequence} a sound resumption point for the Kafka publisher and for
 * anyone reading the history, and gives every event of one transaction the same {@code recordedAt}: the
 * database clock read under the lock, so that {@code recordedAt} never decreases along the sequence.
 *
 * <p>The price is that commits of the whole ledger are serialized for the few statements between append
 * and commit; batch posting amortizes it over many events.
 */
class CommitOrderedAppend implements AppendEventsStatementBuilder {

    /** Arbitrary but fixed key of the append lock. */
    static final long APPEND_LOCK_KEY = 0x4275646765744cL;

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Instant recordedAt = lockAndReadClock(connection);
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + schema.domainEventTable() + " ("
                        + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn())
                        + ", transaction_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Timestamp recordedAtTimestamp = Timestamp.from(recordedAt);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            timestampWriter.writeTimestamp(insert, 5, recordedAt);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payload.getData());
            insert.setObject(9, metaData.getData());
            insert.setString(10, ((LedgerEvent) event.getPayload()).transactionId());
            insert.setTimestamp(11, recordedAtTimestamp);
            insert.addBatch();
        }
        return insert;
    }

    private static Instant lockAndReadClock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(?), clock_timestamp()")) {
            lock.setLong(1, APPEND_LOCK_KEY);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getTimestamp(2).toInstant();
            }
        }
    }
}
