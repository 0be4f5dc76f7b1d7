package org.budgetledger.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import java.util.TreeSet;

/**
 * The floor under batch posting: the rows the product's design writes for one transaction, written with
 * raw batched JDBC into tables of the same shape, indexes and constraints, with nothing else around them
 * (no HTTP, JSON, validation, aggregate, hashing, Kafka).
 *
 * <p>Per transaction, as the product writes a PAY: the idempotency row (its canonical request as jsonb),
 * the event row (payload and metadata of the measured average size, hash chain columns, four indexes and
 * a foreign key to the idempotency row), its leaf in the store's Merkle tree with the subtrees it completes (one
 * {@code merkle_leaf} row, SPEC §16) and the budget line view's update, committed per batch; then the
 * projection's rows in a transaction of their own, as a delivery writes them: the applied event (with the hash it
 * carried), the fact (with the indexes the reports, the drill-down and the comparison read: V12, V15), what the
 * drill-down shows of its transaction ({@code fact_transaction}) and the day sums of the delivery. What the product
 * does on top of this floor is its own cost; what the floor costs is the cost of the design's rows on this machine.
 */
final class WriteFloor {

    private static final String SCHEMA = "bench_floor";
    private static final int LINES = 2_000;
    private static final int UNITS = 20;
    private static final String[] DAYS = {"2023-01-10", "2023-06-10", "2023-06-30"};

    private WriteFloor() {
    }

    /** @return transactions per second */
    static double transactionsPerSecond(Connection connection, int transactions, int batchSize) throws SQLException {
        create(connection);
        connection.setAutoCommit(false);
        Random random = new Random(7);
        byte[] payload = new byte[291];
        byte[] metaData = new byte[105];
        String request = "{\"amount\":\"12.00\",\"date\":\"2023-06-10\",\"economic\":\"30201\",\"id\":\"%s\","
                + "\"line\":\"line-%d\",\"type\":\"PAY\",\"unit\":\"B%d\",\"year\":2023}";
        String hash = "0".repeat(64);
        long started = System.nanoTime();
        try (PreparedStatement posted = connection.prepareStatement("INSERT INTO " + SCHEMA + ".posted_transaction "
                + "(id, type, unit, year, fingerprint, request, line_id, principal) VALUES (?, 'PAY', ?, 2023, ?, ?::jsonb, NULL, 'bench')");
             PreparedStatement event = connection.prepareStatement("INSERT INTO " + SCHEMA + ".domain_event_entry "
                     + "(eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, "
                     + "payload, metadata, transaction_id, recorded_at, previous_hash, hash, seal) "
                     + "VALUES (?, ?, ?, 'BudgetYear', ?, 'org.budgetledger.contracts.events.PaymentMade', NULL, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement merkle = connection.prepareStatement("INSERT INTO " + SCHEMA + ".merkle_leaf "
                     + "(position, sequence, hash, completed) VALUES (?, ?, ?, ?)");
             PreparedStatement line = connection.prepareStatement("UPDATE " + SCHEMA + ".budget_line SET paid_fen = paid_fen + ? WHERE id = ?");
             PreparedStatement applied = connection.prepareStatement("INSERT INTO " + SCHEMA + ".applied_event "
                     + "(sequence, event_id, type, unit, year, recorded_at, hash) VALUES (?, ?, 'PaymentMade', ?, 2023, ?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement fact = connection.prepareStatement("INSERT INTO " + SCHEMA + ".fact (sequence, part, unit, year, "
                     + "effective_date, recorded_at, measure, fund, subject, kind, economic, project, line_id, origin, amount_fen) "
                     + "VALUES (?, 0, ?, 2023, ?::date, ?, 'EXPENDITURE', 'GENERAL_BUDGET', '2140199', 'BASIC', '30201', NULL, ?, 'APPROPRIATION', ?)");
             PreparedStatement transaction = connection.prepareStatement("INSERT INTO " + SCHEMA + ".fact_transaction "
                     + "(sequence, transaction_id, type, principal, memo, voucher) VALUES (?, ?, 'PAY', 'bench', NULL, NULL)");
             PreparedStatement daily = connection.prepareStatement("INSERT INTO " + SCHEMA + ".fact_daily (unit, year, effective_date, "
                     + "measure, fund, subject, kind, economic, project, origin, amount_fen) VALUES (?, 2023, ?::date, 'EXPENDITURE', "
                     + "'GENERAL_BUDGET', '2140199', 'BASIC', '30201', '', 'APPROPRIATION', ?) ON CONFLICT (unit, year, effective_date, "
                     + "measure, fund, subject, kind, economic, project, origin) DO UPDATE SET amount_fen = fact_daily.amount_fen + excluded.amount_fen")) {
            long[] aggregateSequence = new long[UNITS];
            byte[] nodeHash = new byte[32];
            for (int from = 0; from < transactions; from += batchSize) {
                int to = Math.min(transactions, from + batchSize);
                Timestamp recordedAt = Timestamp.from(Instant.now());
                TreeSet<String> days = new TreeSet<>();
                for (int n = from; n < to; n++) {
                    String id = "floor-" + n;
                    int unit = random.nextInt(UNITS);
                    int lineNumber = random.nextInt(LINES);
                    random.nextBytes(payload);
                    posted.setString(1, id);
                    posted.setString(2, "B" + unit);
                    posted.setString(3, hash);
                    posted.setString(4, request.formatted(id, lineNumber, unit));
                    posted.addBatch();
                    event.setString(1, "event-" + n);
                    event.setString(2, "B" + unit + ":2023");
                    event.setLong(3, aggregateSequence[unit]++);
                    event.setString(4, recordedAt.toInstant().toString());
                    event.setBytes(5, payload);
                    event.setBytes(6, metaData);
                    event.setString(7, id);
                    event.setTimestamp(8, recordedAt);
                    event.setString(9, hash);
                    event.setString(10, hash);
                    event.setString(11, hash);
                    event.addBatch();
                    // the leaf, and the subtrees it completes: one a leaf on average, 32 bytes each
                    random.nextBytes(nodeHash);
                    merkle.setLong(1, n);
                    merkle.setLong(2, n + 1);
                    merkle.setBytes(3, nodeHash);
                    merkle.setBytes(4, new byte[32 * Long.numberOfTrailingZeros(n + 1L)]);
                    merkle.addBatch();
                    line.setLong(1, 1_200);
                    line.setString(2, "line-" + lineNumber);
                    line.addBatch();
                }
                posted.executeBatch();
                event.executeBatch();
                merkle.executeBatch();
                line.executeBatch();
                connection.commit();
                for (int n = from; n < to; n++) {
                    String day = DAYS[n % DAYS.length];
                    String unit = "B" + (n % UNITS);
                    applied.setLong(1, n);
                    applied.setString(2, "event-" + n);
                    applied.setString(3, unit);
                    applied.setTimestamp(4, recordedAt);
                    applied.setString(5, hash);
                    applied.addBatch();
                    fact.setLong(1, n);
                    fact.setString(2, unit);
                    fact.setString(3, day);
                    fact.setTimestamp(4, recordedAt);
                    fact.setString(5, "line-" + n % LINES);
                    fact.setLong(6, 1_200);
                    fact.addBatch();
                    transaction.setLong(1, n);
                    transaction.setString(2, "floor-" + n);
                    transaction.addBatch();
                    days.add(unit + "|" + day);
                }
                for (String unitDay : days) {
                    daily.setString(1, unitDay.substring(0, unitDay.indexOf('|')));
                    daily.setString(2, unitDay.substring(unitDay.indexOf('|') + 1));
                    daily.setLong(3, 1_200);
                    daily.addBatch();
                }
                applied.executeBatch();
                fact.executeBatch();
                transaction.executeBatch();
                daily.executeBatch();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        double perSecond = transactions / ((System.nanoTime() - started) / 1e9);
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        return perSecond;
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            ddl.execute("CREATE SCHEMA " + SCHEMA);
            ddl.execute("""
                    CREATE TABLE %1$s.posted_transaction (id VARCHAR(64) PRIMARY KEY, type VARCHAR(32) NOT NULL,
                        unit VARCHAR(32) NOT NULL, year INTEGER NOT NULL, fingerprint CHAR(64) NOT NULL, request JSONB NOT NULL,
                        line_id VARCHAR(64), principal VARCHAR(200) NOT NULL,
                        recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
                    CREATE TABLE %1$s.domain_event_entry (globalindex BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        eventidentifier VARCHAR(255) NOT NULL UNIQUE, aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber BIGINT NOT NULL, type VARCHAR(255), timestamp VARCHAR(255) NOT NULL,
                        payloadtype VARCHAR(255) NOT NULL, payloadrevision VARCHAR(255), payload BYTEA NOT NULL, metadata BYTEA,
                        transaction_id VARCHAR(64) NOT NULL REFERENCES %1$s.posted_transaction (id),
                        recorded_at TIMESTAMPTZ NOT NULL, previous_hash CHAR(64), hash CHAR(64), seal CHAR(64),
                        UNIQUE (aggregateidentifier, sequencenumber));
                    CREATE INDEX ON %1$s.domain_event_entry (transaction_id);
                    CREATE TABLE %1$s.merkle_leaf (position BIGINT PRIMARY KEY CHECK (position >= 0),
                        sequence BIGINT NOT NULL UNIQUE, hash BYTEA NOT NULL CHECK (length(hash) = 32),
                        completed BYTEA NOT NULL CHECK (length(completed) = 32 * (bit_count(((position + 1) # position)::bit(64)) - 1)));
                    CREATE TABLE %1$s.budget_line (id VARCHAR(80) PRIMARY KEY, unit VARCHAR(32) NOT NULL, year INTEGER NOT NULL,
                        paid_fen BIGINT NOT NULL DEFAULT 0);
                    CREATE INDEX ON %1$s.budget_line (unit, year);
                    INSERT INTO %1$s.budget_line (id, unit, year) SELECT 'line-' || n, 'B' || n %% 20, 2023 FROM generate_series(0, %2$d) n;
                    CREATE TABLE %1$s.applied_event (sequence BIGINT PRIMARY KEY, event_id VARCHAR(64) NOT NULL,
                        type VARCHAR(64) NOT NULL, unit VARCHAR(32) NOT NULL, year INTEGER NOT NULL,
                        recorded_at TIMESTAMPTZ NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                        hash CHAR(64));
                    CREATE INDEX ON %1$s.applied_event (unit, year, sequence);
                    CREATE INDEX ON %1$s.applied_event (recorded_at, sequence);
                    CREATE TABLE %1$s.fact (sequence BIGINT NOT NULL, part SMALLINT NOT NULL, unit VARCHAR(32) NOT NULL,
                        year INTEGER NOT NULL, effective_date DATE NOT NULL, recorded_at TIMESTAMPTZ NOT NULL,
                        measure VARCHAR(16) NOT NULL, fund VARCHAR(20) NOT NULL, subject CHAR(7) NOT NULL, kind VARCHAR(20),
                        economic CHAR(5), project VARCHAR(200), line_id VARCHAR(80), origin VARCHAR(16),
                        amount_fen BIGINT NOT NULL, counterparty VARCHAR(32), PRIMARY KEY (sequence, part))
                        WITH (autovacuum_vacuum_insert_scale_factor = 0.01);
                    CREATE INDEX ON %1$s.fact (unit, year, recorded_at) INCLUDE (effective_date, measure, fund, subject, kind,
                        economic, project, origin, counterparty, amount_fen);
                    CREATE INDEX ON %1$s.fact (unit, year, effective_date, sequence, part);
                    CREATE INDEX ON %1$s.fact (unit, year, measure, subject bpchar_pattern_ops);
                    CREATE INDEX ON %1$s.fact (unit, year, measure, economic bpchar_pattern_ops);
                    CREATE TABLE %1$s.fact_transaction (sequence BIGINT PRIMARY KEY, transaction_id TEXT NOT NULL,
                        type VARCHAR(32) NOT NULL, principal TEXT, memo TEXT, voucher TEXT);
                    CREATE TABLE %1$s.fact_daily (unit VARCHAR(32) NOT NULL, year INTEGER NOT NULL, effective_date DATE NOT NULL,
                        measure VARCHAR(16) NOT NULL, fund VARCHAR(20) NOT NULL, subject CHAR(7) NOT NULL,
                        kind VARCHAR(20) NOT NULL, economic VARCHAR(5) NOT NULL, project VARCHAR(200) NOT NULL,
                        origin VARCHAR(16) NOT NULL, amount_fen BIGINT NOT NULL,
                        PRIMARY KEY (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin));
                    """.formatted(SCHEMA, LINES - 1));
        }
    }
}
