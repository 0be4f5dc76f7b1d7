package org.budgetledger.ledger.audit;

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

    private static final String COLUMNS = "SELECT globalIndex, eventIdentifier, transaction_id, payloadType, "
            + "aggregateIdentifier, sequenceNumber, recorded_at, payload, previous_hash, hash, seal FROM "
            + EventStoreConfiguration.EVENT_TABLE + " ";

    /**
     * A stored event's effective date, in SQL over its {@code payload} column: read from the text as {@link #field}
     * reads it, not through PostgreSQL's JSON types, which refuse the whole payload over one escape they cannot
     * store (a lone surrogate such as {@code \uDFFF}, accepted in memos before such text was refused). The key
     * cannot be matched inside another field's value: there every quote is escaped.
     */
    static final String EFFECTIVE_DATE =
            "substring(convert_from(payload, 'UTF8') from '\"effectiveDate\":\"([0-9]{4}-[0-9]{2}-[0-9]{2})\"')::date";

    private static final RowMapper<StoredEvent> ROW = (row, number) -> {
        String payloadType = row.getString("payloadType");
        String aggregateId = row.getString("aggregateIdentifier");
        String payload = new String(row.getBytes("payload"), StandardCharsets.UTF_8);
        int colon = aggregateId.lastIndexOf(':');
        return new StoredEvent(row.getLong("globalIndex"), row.getString("eventIdentifier"), row.getString("transaction_id"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), aggregateId, row.getLong("sequenceNumber"),
                aggregateId.substring(0, colon), Integer.parseInt(aggregateId.substring(colon + 1)),
                field(payload, "effectiveDate"), row.getTimestamp("recorded_at").toInstant(), field(payload, "principal"),
                payload, row.getString("previous_hash"), row.getString("hash"), row.getString("seal"));
    };

    private final JdbcClient jdbc;

    EventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the history after {@code afterSequence}, filtered; {@code units} null means every unit. */
    List<StoredEvent> page(Filter filter, long afterSequence, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE globalIndex > ?");
        List<Object> params = new ArrayList<>(List.of(afterSequence));
        if (filter.unit() != null) {
            sql.append(" AND split_part(aggregateIdentifier, ':', 1) = ?");
            params.add(filter.unit());
        } else if (filter.units() != null) {
            sql.append(" AND split_part(aggregateIdentifier, ':', 1) = ANY(?)");
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
            sql.append(" AND ").append(EFFECTIVE_DATE).append(" >= ?");
            params.add(java.sql.Date.valueOf(filter.effectiveFrom()));
        }
        if (filter.effectiveTo() != null) {
            sql.append(" AND ").append(EFFECTIVE_DATE).append(" <= ?");
            params.add(java.sql.Date.valueOf(filter.effectiveTo()));
        }
        sql.append(" ORDER BY globalIndex LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** Every stored event from {@code afterSequence} on, a page at a time, in sequence order. */
    List<StoredEvent> all(long afterSequence, int limit) {
        return jdbc.sql(COLUMNS + "WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?").params(afterSequence, limit)
                .query(ROW).list();
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

    private static String field(String json, String name) {
        // the payloads are flat JSON objects written by Jackson: "name":"value"
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        int from = start + key.length();
        return json.substring(from, json.indexOf('"', from));
    }
}
