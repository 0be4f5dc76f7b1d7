package org.budgetledger.ledger.audit;

import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The stored history, read in sequence order. */
@Repository
class EventHistory {

    private static final String COLUMNS = "SELECT globalIndex, eventIdentifier, transaction_id, unit, payloadType, payloadRevision, "
            + "aggregateIdentifier, sequenceNumber, recorded_at, payload, previous_hash, hash, seal FROM "
            + EventStoreConfiguration.EVENT_TABLE + " ";
    /**
     * An event's effective date read from its stored bytes as text, not through PostgreSQL's JSON types, which refuse
     * the whole payload over one escape they cannot store (a lone surrogate such as {@code \uDFFF}, accepted in memos
     * before such text was refused), nor as UTF-8, which a damaged payload may not be: such events are filtered like
     * the others instead of failing the query. The key cannot be matched inside another field's value (there every
     * quote is escaped); ISO dates compare as text.
     */
    static final String EFFECTIVE_DATE = "substring(encode(payload, 'escape') from '\"effectiveDate\":\"([0-9]{4}-[0-9]{2}-[0-9]{2})\"')";

    private final JdbcClient jdbc;
    private final RowMapper<StoredEvent> row;

    EventHistory(JdbcClient jdbc, EventPayloads payloads) {
        this.jdbc = jdbc;
        this.row = (result, number) -> {
            String payloadType = result.getString("payloadType");
            String aggregateId = result.getString("aggregateIdentifier");
            byte[] stored = result.getBytes("payload");
            String payload = new String(stored, StandardCharsets.UTF_8);
            EventPayloads.Reading reading = payloads.read(payloadType, result.getString("payloadRevision"), stored);
            RecordedEvent event = reading.event();
            String effectiveDate = effectiveDate(event);
            return new StoredEvent(result.getLong("globalIndex"), result.getString("eventIdentifier"), result.getString("transaction_id"),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1), aggregateId, result.getLong("sequenceNumber"),
                    result.getString("unit"), year(aggregateId),
                    effectiveDate != null ? effectiveDate : field(payload, "effectiveDate"),
                    result.getTimestamp("recorded_at").toInstant(), event != null ? event.principal() : field(payload, "principal"),
                    payload, result.getString("previous_hash"), result.getString("hash"), result.getString("seal"), event, reading.damage());
        };
    }

    /** One page of the history after {@code afterSequence}, filtered; {@code units} null means every unit. */
    List<StoredEvent> page(Filter filter, long afterSequence, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE globalIndex > ?");
        List<Object> params = new ArrayList<>(List.of(afterSequence));
        // the unit column: a budget year's unit, a unit's own events; none for a catalog addition (V9)
        if (filter.unit() != null) {
            sql.append(" AND unit = ?");
            params.add(filter.unit());
        } else if (filter.units() != null) {
            sql.append(" AND unit = ANY(?)");
            params.add(filter.units().toArray(String[]::new));
        }
        if (filter.year() != null) {
            sql.append(" AND split_part(aggregateIdentifier, ':', 2) = ?");
            params.add(filter.year().toString());
        }
        if (filter.type() != null) {
            sql.append(" AND payloadType LIKE ?");
            params.add("%." + filter.type());
        }
        if (filter.transactionId() != null) {
            sql.append(" AND transaction_id = ?");
            params.add(filter.transactionId());
        }
        if (filter.effectiveFrom() != null) {
            sql.append(" AND " + EFFECTIVE_DATE + " >= ?");
            params.add(filter.effectiveFrom().toString());
        }
        if (filter.effectiveTo() != null) {
            sql.append(" AND " + EFFECTIVE_DATE + " <= ?");
            params.add(filter.effectiveTo().toString());
        }
        sql.append(" ORDER BY globalIndex LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(row).list();
    }

    /** Every stored event from {@code afterSequence} on, a page at a time, in sequence order. */
    List<StoredEvent> all(long afterSequence, int limit) {
        return jdbc.sql(COLUMNS + "WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?").params(afterSequence, limit)
                .query(row).list();
    }

    /**
     * How the store numbers its events: sequences up to {@code lastSequence} were handed out, those from
     * {@code countedFrom} on without gaps (before it, by an identity column that lost numbers to rollbacks).
     */
    record Numbering(long lastSequence, long countedFrom) {
    }

    Numbering numbering() {
        return jdbc.sql("SELECT last_sequence, counted_from FROM " + EventStoreConfiguration.SEQUENCE_TABLE)
                .query(Numbering.class).single();
    }

    /** The newest event's sequence and hash, and how many events there are. */
    Digest digest() {
        return jdbc.sql("SELECT globalIndex, hash, (SELECT count(*) FROM " + EventStoreConfiguration.EVENT_TABLE + ") AS events FROM "
                        + EventStoreConfiguration.EVENT_TABLE + " ORDER BY globalIndex DESC LIMIT 1")
                .query((row, number) -> new Digest(row.getLong(1), row.getString(2), row.getLong(3)))
                .optional().orElse(new Digest(0, EventHash.GENESIS, 0L));
    }

    /** The filters of GET /api/v1/audit/events; effective dates are inclusive. */
    record Filter(String unit, List<String> units, Integer year, String type, String transactionId,
                  java.time.LocalDate effectiveFrom, java.time.LocalDate effectiveTo) {
    }

    /**
     * The year of a budget year's aggregate ({@code "{unit}:{year}"}) or of a unit-year's disclosure data
     * ({@code "{unit}:{year}:profile"}); none for a register's (a unit, {@code catalog:…}).
     */
    private static Integer year(String aggregateId) {
        String[] parts = aggregateId.split(":", -1);
        if (parts.length < 2) {
            return null;
        }
        try {
            return Integer.valueOf(parts[1]);
        } catch (NumberFormatException catalog) {
            return null;
        }
    }

    private static String effectiveDate(RecordedEvent event) {
        if (event instanceof LedgerEvent ledgerEvent && ledgerEvent.effectiveDate() != null) {
            return ledgerEvent.effectiveDate().toString();
        }
        if (event instanceof UnitChanged changed && changed.effectiveDate() != null) {
            return changed.effectiveDate().toString();
        }
        return null;
    }

    /** A field of a payload that cannot be read as its event: what it seems to say, if anything. */
    private static String field(String json, String name) {
        // the payloads are flat JSON objects written by Jackson: "name":"value"
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        int end = start < 0 ? -1 : json.indexOf('"', start + key.length());
        return end < 0 ? null : json.substring(start + key.length(), end);
    }
}
