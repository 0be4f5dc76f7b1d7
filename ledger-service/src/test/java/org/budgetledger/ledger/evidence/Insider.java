package org.budgetledger.ledger.evidence;

import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.ledger.eventstore.MerkleTreeStore;
import org.budgetledger.testing.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Someone with the database as its superuser and every key the ledger holds (the sealing key; the signing key is the
 * ledger's own file, which signs whatever tree the store holds): after changing the history they make it whole again —
 * every hash and seal from the first changed event on, the sequences without a gap, and the whole Merkle tree rebuilt
 * from the events as they now are. Inside the system nothing disagrees any more; only a digest kept outside does.
 */
final class Insider {

    private final JdbcClient database;

    /** @param database the database as its superuser */
    Insider(JdbcClient database) {
        this.database = database;
    }

    /** Renumbers the events after {@code sequence} by {@code shift} (±1), keeping the store without gaps. */
    void shiftAfter(long sequence, int shift) {
        // in two steps: the primary key is checked row by row
        database.sql("UPDATE ledger.domain_event_entry SET globalIndex = -globalIndex WHERE globalIndex > ?").param(sequence).update();
        database.sql("UPDATE ledger.domain_event_entry SET globalIndex = -globalIndex + ? WHERE globalIndex < 0").param(shift).update();
        database.sql("UPDATE ledger.event_sequence SET last_sequence = last_sequence + ?").param(shift).update();
    }

    /** Recomputes every event's link, hash and seal from {@code fromSequence} on, as the ledger would have written them. */
    void rewriteChainFrom(long fromSequence) {
        String previous = database.sql("SELECT hash FROM ledger.domain_event_entry WHERE globalIndex < ? ORDER BY globalIndex DESC LIMIT 1")
                .param(fromSequence).query(String.class).optional().orElse(EventHash.GENESIS);
        for (Map<String, Object> event : database.sql("SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
                + "payloadType, recorded_at, transaction_id, payload FROM ledger.domain_event_entry WHERE globalIndex >= ? "
                + "ORDER BY globalIndex").param(fromSequence).query().listOfRows()) {
            String type = (String) event.get("payloadtype");
            String hash = EventHash.of(previous, (String) event.get("eventidentifier"), (String) event.get("aggregateidentifier"),
                    ((Number) event.get("sequencenumber")).longValue(), type.substring(type.lastIndexOf('.') + 1),
                    ((Timestamp) event.get("recorded_at")).toInstant(), (String) event.get("transaction_id"), (byte[]) event.get("payload"));
            database.sql("UPDATE ledger.domain_event_entry SET previous_hash = ?, hash = ?, seal = ? WHERE globalIndex = ?")
                    .params(previous, hash, seal(hash), event.get("globalindex")).update();
            previous = hash;
        }
    }

    /** Throws the Merkle tree away and grows it again from the events as stored now. */
    void rebuildTree() {
        database.sql("DELETE FROM ledger.merkle_leaf").update();
        MerkleFrontier frontier = MerkleFrontier.empty();
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> event : database.sql("SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
                + "payloadType, recorded_at, transaction_id, previous_hash, payload FROM ledger.domain_event_entry ORDER BY globalIndex")
                .query().listOfRows()) {
            String type = (String) event.get("payloadtype");
            byte[] canonical = EventHash.canonical((String) event.get("previous_hash"), (String) event.get("eventidentifier"),
                    (String) event.get("aggregateidentifier"), ((Number) event.get("sequencenumber")).longValue(),
                    type.substring(type.lastIndexOf('.') + 1), ((Timestamp) event.get("recorded_at")).toInstant(),
                    (String) event.get("transaction_id"), (byte[]) event.get("payload"));
            long sequence = ((Number) event.get("globalindex")).longValue();
            long position = frontier.size();
            byte[] leaf = MerkleHash.leaf(canonical);
            rows.add(new Object[]{position, sequence, leaf, MerkleTreeStore.completedBy(frontier, leaf)});
        }
        for (Object[] row : rows) {
            database.sql("INSERT INTO ledger.merkle_leaf (position, sequence, hash, completed) VALUES (?, ?, ?, ?)").params(row).update();
        }
    }

    /** The ledger's seal of a hash, under the sealing key the tests configure. */
    static String seal(String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestUsers.INTEGRITY_KEY), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
