package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.ledger.audit.DerivedTable;
import org.budgetledger.ledger.audit.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification of {@code ledger.posted_transaction}, which {@code GET /api/v1/transactions/{id}} answers from and
 * the idempotency rule decides by: every stored event's transaction has a record that says what the event
 * says ({@link TransactionEvidence}) and whose fingerprint is its request's, and every record has events.
 */
@Component
class PostedTransactionCheck implements DerivedTable {

    static final String TABLE = "posted_transaction";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PostedTransactionCheck(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Comparison compare() {
        return new Comparison() {
            @Override
            public Optional<Disagreement> add(List<StoredEvent> events) {
                // one query per page of events: their transactions' records
                Map<Key, TransactionEvidence.Stored> records = records(events);
                Map<Key, JsonNode> requests = new HashMap<>();
                for (StoredEvent event : events) {
                    if (event.transactionId() == null) {
                        continue; // a registry event (SPEC §12): no transaction stands behind it
                    }
                    Key key = new Key(event.unit(), event.transactionId());
                    TransactionEvidence.Stored record = records.get(key);
                    if (record == null) {
                        return Optional.of(new Disagreement(TABLE, Disagreement.row(event.unit(), event.transactionId()), event.sequence(), event.eventId(),
                                "missing: event " + event.sequence() + " belongs to this transaction, which has no row", event.unit()));
                    }
                    boolean first = !requests.containsKey(key);
                    JsonNode request = requests.computeIfAbsent(key, k -> request(record));
                    Optional<String> problem = TransactionEvidence.disagreement(record, request, event.ledgerEvent(), event.sequence())
                            .or(() -> first ? fingerprintProblem(record) : Optional.empty());
                    if (problem.isPresent()) {
                        return Optional.of(new Disagreement(TABLE, Disagreement.row(record.unit(), record.id()), event.sequence(),
                                event.eventId(), problem.get(), record.unit()));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<Disagreement> finish() {
                return jdbc.sql("""
                                SELECT unit, id FROM ledger.posted_transaction p
                                WHERE NOT EXISTS (SELECT 1 FROM ledger.domain_event_entry e
                                                  WHERE e.transaction_id = p.id AND e.unit = p.unit)
                                ORDER BY id, unit LIMIT 1""")
                        .query((row, number) -> new Disagreement(TABLE, Disagreement.row(row.getString("unit"), row.getString("id")),
                                null, null, "an accepted transaction with no event: no stored event bears it out",
                                row.getString("unit"))).optional();
            }
        };
    }

    /** Transaction ids are unique per unit (SPEC §4 v2): a record is its unit's and its id's. */
    private record Key(String unit, String id) {
    }

    private Map<Key, TransactionEvidence.Stored> records(List<StoredEvent> events) {
        Map<Key, TransactionEvidence.Stored> records = new HashMap<>();
        jdbc.sql("""
                        SELECT id, type, unit, year, principal, line_id, fingerprint, request::text AS request
                        FROM ledger.posted_transaction WHERE id = ANY(?) AND unit = ANY(?)""")
                .params(events.stream().map(StoredEvent::transactionId).filter(Objects::nonNull).distinct().toArray(String[]::new),
                        events.stream().map(StoredEvent::unit).filter(Objects::nonNull).distinct().toArray(String[]::new))
                .query(TransactionEvidence.Stored.class).list()
                .forEach(record -> records.put(new Key(record.unit(), record.id()), record));
        return records;
    }

    /** Whether the request's fingerprint is the one the idempotency rule compares a repeated posting with. */
    private Optional<String> fingerprintProblem(TransactionEvidence.Stored record) {
        try {
            TransactionRequest request = json.readValue(record.request(), TransactionRequest.class);
            if (!(request instanceof TypedRequest typed)) {
                // a stored request was accepted: it names its type and only that type's fields
                return Optional.of("fingerprint is not its request's: the request or the fingerprint was changed");
            }
            if (!typed.fingerprint().equals(record.fingerprint())) {
                return Optional.of("fingerprint is not its request's: the request or the fingerprint was changed");
            }
            return Optional.empty();
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Optional.of("its request cannot be read as a transaction: " + unreadable.getMessage());
        }
    }

    private JsonNode request(TransactionEvidence.Stored record) {
        try {
            return json.readTree(record.request());
        } catch (JsonProcessingException impossible) {
            // the column is jsonb: PostgreSQL holds nothing else
            throw new IllegalStateException(impossible);
        }
    }
}
