package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first POST to the big unit-year after a restart of the product (stopped as by Ctrl-C, started on the same
 * data): its budget year is not in memory, and is loaded from its latest snapshot and the events after it
 * (goal: within 500 ms at 1,000,000 events).
 *
 * <p>First {@value #TAIL_EVENTS} more events go to the big unit-year, so that the load reads about the longest
 * tail it can. Then two restarts. After the first, the product's first POST goes to the big unit-year: all a
 * first poster waits for, the cold request path included; then a second one (the budget year in memory).
 * After the second, the first POST opens a unit-year with no history (an APPROPRIATE of another unit in
 * 2024: the cold request path alone), and the next goes to the big unit-year (its loading, on a path one
 * request warmer). Each must be accepted; the big unit-year's are PAYs of 1.00.
 */
final class FirstPostAfterRestart {

    /**
     * The product snapshots a budget year every 250 of its events ({@code budgetledger.ledger.budget-year-snapshot-events};
     * the scale run brings the big unit-year to a multiple of that): after 240 more, a load reads 240 and more
     * events after the snapshot, and the three POSTs to the big unit-year after the restarts do not reach the
     * next one.
     */
    static final int TAIL_EVENTS = 240;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request to the running product, as the driver sends it. */
    interface Requests {
        JsonNode send(String method, String path, String body) throws Exception;
    }

    /** Something done to the product that may fail. */
    interface Action<T> {
        T run() throws Exception;
    }

    private final Requests product;

    private FirstPostAfterRestart(Requests product) {
        this.product = product;
    }

    /**
     * @param restart   stops the product and starts it on the same data; answers the milliseconds until it is ready
     * @param database  a connection to the product's PostgreSQL
     * @param otherUnit a registered unit without transactions in 2024
     */
    static Map<String, Object> measure(Requests product, Action<Long> restart, Action<Connection> database,
                                       String unit, String otherUnit) throws Exception {
        FirstPostAfterRestart phase = new FirstPostAfterRestart(product);
        phase.addTail(unit);
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("unit", unit);
        measured.put("restartToReadyMillis", restart.run());
        try (Connection connection = database.run()) {
            measured.putAll(snapshotAndEvents(connection, unit));
        }
        measured.put("firstPostMillis", phase.timedPay("restart-1", unit, "big0-0"));
        measured.put("secondPostMillis", phase.timedPay("restart-2", unit, "big0-1"));
        restart.run();
        measured.put("afterSecondRestartFirstPostToNewUnitYearMillis", phase.timed("restart-3", JSON.createObjectNode()
                .put("id", "restart-3").put("type", "APPROPRIATE").put("unit", otherUnit).put("year", 2024)
                .put("date", "2024-01-10").put("fund", "GENERAL_BUDGET").put("subject", "2140199").put("kind", "BASIC")
                .put("amount", "100.00")));
        measured.put("afterSecondRestartFirstPostToUnitMillis", phase.timedPay("restart-4", unit, "big0-2"));
        return measured;
    }

    private void addTail(String unit) throws Exception {
        ArrayNode tail = JSON.createArrayNode();
        for (int n = 0; n < TAIL_EVENTS; n++) {
            tail.addObject().put("id", "tail-" + n).put("type", "PAY").put("unit", unit).put("year", 2023)
                    .put("date", "2023-12-31").put("line", "big0-" + n % 100).put("economic", "30201").put("amount", "1.00");
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("transactions", tail);
        for (JsonNode answer : product.send("POST", "/api/v1/transactions:batch", body.toString()).path("results")) {
            if (answer.path("status").asInt() != 201) {
                throw new IllegalStateException("a tail event was not accepted: " + answer);
            }
        }
    }

    /** The unit-year's events, and the sequence of its latest snapshot (-1 if none). */
    private static Map<String, Object> snapshotAndEvents(Connection connection, String unit) throws Exception {
        String year = unit + ":2023";
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT (SELECT max(sequenceNumber) FROM ledger.snapshot_event_entry WHERE aggregateIdentifier = ?), "
                        + "(SELECT max(sequenceNumber) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?)")) {
            query.setString(1, year);
            query.setString(2, year);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long snapshot = row.getObject(1) == null ? -1 : row.getLong(1);
                long last = row.getLong(2);
                return Map.of("events", last + 1, "snapshotSequence", snapshot, "eventsAfterSnapshot", last - snapshot);
            }
        }
    }

    /** A single POST of a PAY of 1.00 in 2023, which must be accepted: its time in milliseconds. */
    private long timedPay(String id, String unit, String line) throws Exception {
        return timed(id, JSON.createObjectNode().put("id", id).put("type", "PAY").put("unit", unit).put("year", 2023)
                .put("date", "2023-12-31").put("line", line).put("economic", "30201").put("amount", "1.00"));
    }

    /** A single POST, which must be accepted: its time in milliseconds. */
    private long timed(String id, ObjectNode transaction) throws Exception {
        String body = transaction.toString();
        long started = System.nanoTime();
        JsonNode answer = product.send("POST", "/api/v1/transactions", body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!"ACCEPTED".equals(answer.path("status").asText())) {
            throw new IllegalStateException("transaction " + id + " after a restart answered " + answer);
        }
        return millis;
    }
}
