package org.budgetledger.ledger.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events so that the global index is the commit order. Each appending transaction first takes one
 * transaction-scoped advisory lock, held until it commits or rolls back; sequences are therefore handed
 * out in commit order, and a reader that has seen index n never later finds a new
 * event below n. That makes {@code sequence} a sound resumption point for the Kafka publisher and for
 * anyone reading the history, and gives every event of one transaction the same {@code recordedAt}: the
 * database clock read under the lock, so that {@code recordedAt} never decreases along the sequence.
 *
 * <p>Under the same lock each event gets its sequence from {@code ledger.event_sequence}, updated in the same
 * transaction: a rollback hands the numbers back, so sequences have no gaps and a missing one is a deleted
 * event (an identity column would lose them to every append that rolls back after its insert). Each event also
 * gets its place in the store's hash chain ({@link EventHash}: linked to the newest event before it) and its
 * seal ({@link IntegrityKey}), and its leaf in the store's Merkle tree, with the subtrees it completes
 * ({@link MerkleTreeStore}, SPEC §16): in the same transaction, so that the tree always holds exactly the committed
 * events, and a digest or a proof never waits for anything to catch up.
 *
 * <p>The price is that commits of the whole ledger are serialized for the few statements between append
 * and commit; batch posting amortizes it over many events.
 */
class CommitOrderedAppend implements AppendEventsStatementBuilder {

    private final IntegrityKey integrityKey;
    /**
     * The tree's tip as this process's last append left it, perhaps rolled back since, or followed by another process's
     * appends: an append uses it instead of reading the peaks only while the store's newest leaf is its newest leaf. A
     * tree rewritten by hand beneath an unchanged newest leaf is thus not read again; verification finds such a rewrite
     * either way (every stored subtree against the events).
     */
    private volatile Remembered remembered;

    CommitOrderedAppend(IntegrityKey integrityKey) {
        this.integrityKey = integrityKey;
    }

    /** Arbitrary but fixed key of the append lock. */
    static final long APPEND_LOCK_KEY = 0x4275646765744cL;
    /** Events read at a time when the tree lacks some: a page of payloads, a few MB. */
    private static final int CATCH_UP_PAGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(CommitOrderedAppend.class);

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Instant recordedAt = lockAndReadClock(connection);
        Place place = reserve(connection, schema, events.size(), remembered);
        MerkleTreeStore.Tip tree = treeUpTo(connection, place.tree(), place.lastSequence());
        List<MerkleTreeStore.Leaf> leaves = new ArrayList<>(events.size());
        String previousHash = place.previousHash();
        long sequence = place.lastSequence();
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + schema.domainEventTable() + " ("
                        + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                        schema.metaDataColumn())
                        + ", transaction_id, unit, recorded_at, previous_hash, hash, seal, " + schema.globalIndexColumn()
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
            RecordedEvent recorded = (RecordedEvent) event.getPayload();
            String transactionId = recorded instanceof LedgerEvent ledgerEvent ? ledgerEvent.transactionId() : null;
            insert.setString(10, transactionId);
            // with the id, the key of the transaction's idempotency record, to which the store's foreign key holds it
            insert.setString(11, unitOf(recorded));
            insert.setTimestamp(12, recordedAtTimestamp);
            String payloadType = payload.getType().getName();
            byte[] canonical = EventHash.canonical(previousHash, event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), payloadType.substring(payloadType.lastIndexOf('.') + 1), recordedAt,
                    transactionId, (byte[]) payload.getData());
            String hash = EventHash.ofCanonical(canonical);
            insert.setString(13, previousHash);
            insert.setString(14, hash);
            insert.setString(15, integrityKey.seal(hash));
            insert.setLong(16, ++sequence);
            insert.addBatch();
            leaves.add(new MerkleTreeStore.Leaf(sequence, MerkleHash.leaf(canonical)));
            previousHash = hash;
        }
        MerkleTreeStore.append(connection, tree.frontier(), leaves);
        if (!leaves.isEmpty()) {
            MerkleTreeStore.Leaf newest = leaves.get(leaves.size() - 1);
            remembered = new Remembered(tree.frontier(), newest.sequence(), newest.hash());
        }
        return insert;
    }

    /**
     * The Merkle tree's tip (as {@link #reserve} read it), with every stored event up to {@code lastSequence} among its
     * leaves: events appended without their leaves (by a version before the tree, while this one was starting) are added first.
     */
    private static MerkleTreeStore.Tip treeUpTo(Connection connection, MerkleTreeStore.Tip tip, long lastSequence) throws SQLException {
        MerkleTreeStore.Tip tree = tip;
        if (tree.newestSequence() < lastSequence) {
            int added = 0;
            int page;
            do {
                page = MerkleTreeStore.catchUp(connection, tree, CATCH_UP_PAGE);
                added += page;
                tree = MerkleTreeStore.tip(connection);
            } while (page == CATCH_UP_PAGE);
            if (added > 0) {
                log.warn("event=merkle_tree_caught_up events={} note=\"events were stored without their leaves: by a version "
                        + "before the Merkle tree, or by hand\"", added);
            }
        }
        return tree;
    }

    /**
     * The unit an event belongs to: its budget year's, the registered or changed unit, the unit of a unit-year's
     * disclosure data; none for a catalog addition.
     */
    private static String unitOf(RecordedEvent event) {
        if (event instanceof LedgerEvent ledgerEvent) {
            return ledgerEvent.unit();
        }
        if (event instanceof UnitRegistered registered) {
            return registered.unit();
        }
        if (event instanceof UnitChanged changed) {
            return changed.unit();
        }
        if (event instanceof CatalogCodeAdded) {
            return null;
        }
        if (event instanceof UnitYearProfileSet profile) {
            return profile.unit();
        }
        if (event instanceof ReferenceTablesRecorded reference) {
            return reference.unit();
        }
        throw new IllegalArgumentException("no event of the ledger: " + event.getClass().getName());
    }

    /** Where the events go: after {@code lastSequence}, linked to {@code previousHash}. */
    private record Place(long lastSequence, String previousHash, MerkleTreeStore.Tip tree) {
    }

    /** A tree's tip and the hash of its newest leaf; its frontier is never grown, only copied. */
    private record Remembered(MerkleFrontier frontier, long newestSequence, byte[] newestLeaf) {
    }

    /**
     * Takes the next {@code count} sequences, and reads the newest stored event's hash and the Merkle tree's tip, in one
     * statement: each statement under the append lock is a round trip every other append waits for. The tip's peaks (a
     * dozen index reads at a million events) are read only when the store's newest leaf is not the {@code remembered}
     * one: a leaf's bytes hold the chain hash of the event before it, so the same newest leaf is the same history, and
     * the same tree.
     */
    private static Place reserve(Connection connection, EventSchema schema, int count, Remembered remembered) throws SQLException {
        try (PreparedStatement reserve = connection.prepareStatement("WITH reserved AS (UPDATE "
                + EventStoreConfiguration.SEQUENCE_TABLE + " SET last_sequence = last_sequence + ? RETURNING last_sequence - ? AS reserved_after), "
                + MerkleTreeStore.NEWEST_LEAF + " SELECT reserved_after, (SELECT hash FROM " + schema.domainEventTable() + " ORDER BY "
                + schema.globalIndexColumn() + " DESC LIMIT 1), tree_size, sequence, newest_leaf IS NOT DISTINCT FROM ? AS remembered, "
                + "CASE WHEN newest_leaf IS NOT DISTINCT FROM ? THEN NULL ELSE " + MerkleTreeStore.PEAKS + " END "
                + "FROM reserved LEFT JOIN newest ON true")) {
            byte[] rememberedLeaf = remembered == null ? null : remembered.newestLeaf();
            reserve.setLong(1, count);
            reserve.setLong(2, count);
            reserve.setBytes(3, rememberedLeaf);
            reserve.setBytes(4, rememberedLeaf);
            try (ResultSet row = reserve.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException(EventStoreConfiguration.SEQUENCE_TABLE + " has no row: the store cannot number events");
                }
                // events stored before the chain existed have no hash: the chain starts after them
                String hash = row.getString(2);
                MerkleTreeStore.Tip tip = remembered != null && row.getBoolean(5)
                        ? new MerkleTreeStore.Tip(remembered.frontier().copy(), remembered.newestSequence())
                        : MerkleTreeStore.tip(row, 3, 6);
                return new Place(row.getLong(1), hash == null ? EventHash.GENESIS : hash, tip);
            }
        }
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
