package org.budgetledger.ledger.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendSnapshotStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Snapshots of aggregates live in {@code ledger.snapshot_event_entry}, outside the hash chain: whoever can
 * write the database could change one, and with it every later decision of the budget year it restores,
 * without touching a single event. So a snapshot is only ever a shortcut the ledger took itself: each one it
 * writes is sealed like the events (HMAC-SHA256 under the {@link IntegrityKey}, over the aggregate, the
 * sequence, the payload type and revision and the payload bytes; the seal goes in the snapshot's metadata),
 * and a snapshot is used only if its seal is right and its revision is the aggregate class's current
 * {@code @Revision}. Any other is ignored (logged), and the aggregate is read from its events instead:
 * the decisions are the same, only slower.
 *
 * <p>Statements on {@code ledger.snapshot_event_entry}: here a {@code DELETE} of the aggregate's snapshot at
 * the new one's sequence and the {@code INSERT}; in Axon's engine, in the same transaction, a {@code DELETE}
 * of its older snapshots, and the {@code SELECT} of its snapshots when it is loaded.
 */
class SealedSnapshots implements AppendSnapshotStatementBuilder, SnapshotFilter {

    static final String SEAL = "seal";
    private static final String SEALED_TEXT_VERSION = "budget-ledger-snapshot-v1";
    private static final Logger log = LoggerFactory.getLogger(SealedSnapshots.class);

    private final IntegrityKey integrityKey;
    /** The snapshot serializer: reads the metadata, and says which revision a payload type has now. */
    private final Serializer serializer;

    SealedSnapshots(IntegrityKey integrityKey, Serializer serializer) {
        this.integrityKey = integrityKey;
        this.serializer = serializer;
    }

    /**
     * As Axon's own statement, with the seal added to the metadata. A stored snapshot at the same sequence is
     * deleted first: it can only be one that is not used (changed, sealed under another key, or of an older
     * revision), and it would keep this one out until the budget year had a newer event.
     */
    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   DomainEventMessage<?> snapshot, Serializer snapshotSerializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        try (PreparedStatement replaced = connection.prepareStatement("DELETE FROM " + schema.snapshotTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?")) {
            replaced.setString(1, snapshot.getAggregateIdentifier());
            replaced.setLong(2, snapshot.getSequenceNumber());
            replaced.executeUpdate();
        }
        SerializedObject<?> payload = snapshot.serializePayload(snapshotSerializer, dataType);
        String seal = seal(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), payload.getType(),
                (byte[]) payload.getData());
        SerializedObject<?> metaData = snapshotSerializer.serialize(snapshot.getMetaData().and(SEAL, seal), dataType);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.snapshotTable() + " ("
                + schema.domainEventFields() + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, snapshot.getIdentifier());
        insert.setString(2, snapshot.getAggregateIdentifier());
        insert.setLong(3, snapshot.getSequenceNumber());
        insert.setString(4, snapshot.getType());
        timestampWriter.writeTimestamp(insert, 5, snapshot.getTimestamp());
        insert.setString(6, payload.getType().getName());
        insert.setString(7, payload.getType().getRevision());
        insert.setObject(8, payload.getData());
        insert.setObject(9, metaData.getData());
        return insert;
    }

    /** Whether a stored snapshot may be used: sealed by this ledger, and of the aggregate's current revision. */
    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedObject<?> payload = snapshot.getPayload();
        String expected = seal(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), payload.getType(),
                (byte[]) payload.getData());
        String seal = storedSeal(snapshot);
        if (seal == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII))) {
            log.warn("event=snapshot_ignored aggregate={} sequence={} reason=seal_mismatch",
                    snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
            return false;
        }
        String revisionNow = currentRevision(payload.getType());
        if (!Objects.equals(payload.getType().getRevision(), revisionNow)) {
            log.info("event=snapshot_ignored aggregate={} sequence={} reason=old_revision revision={} current={}",
                    snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), payload.getType().getRevision(),
                    revisionNow);
            return false;
        }
        return true;
    }

    private String storedSeal(DomainEventData<?> snapshot) {
        if (snapshot.getMetaData() == null || snapshot.getMetaData().getData() == null) {
            return null;
        }
        try {
            MetaData metaData = serializer.deserialize(snapshot.getMetaData());
            Object seal = metaData.get(SEAL);
            return seal instanceof String text ? text : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private String currentRevision(SerializedType type) {
        try {
            return serializer.typeForClass(Class.forName(type.getName())).getRevision();
        } catch (ClassNotFoundException gone) {
            return null;
        }
    }

    private String seal(String aggregate, long sequence, SerializedType type, byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((SEALED_TEXT_VERSION + "\n" + aggregate + "\n" + sequence + "\n" + type.getName() + "\n"
                    + type.getRevision() + "\n").getBytes(StandardCharsets.UTF_8));
            return integrityKey.seal(HexFormat.of().formatHex(sha256.digest(payload)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
