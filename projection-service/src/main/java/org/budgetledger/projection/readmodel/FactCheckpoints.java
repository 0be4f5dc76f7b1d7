package org.budgetledger.projection.readmodel;

import org.budgetledger.platform.jdbc.ColumnArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the checkpoints of knowledge that keep a report at any {@code knownAt} cheap (table {@code fact_checkpoint}):
 * the sums of a unit-year's facts recorded up to an instant, as month rows ({@link CheckpointMonths}), so that a report
 * reads one row per dimension from a checkpoint whatever its asOf.
 *
 * <p>A checkpoint is taken once a bucket of facts has been recorded since the previous one: at least
 * {@code bucketFacts}, and at least as many as the previous checkpoint has rows, so that checkpoints never
 * take more rows than the facts themselves. A report then reads one checkpoint, the one nearer its {@code knownAt},
 * and the facts recorded between the two: at most about one bucket, half of one on average.
 *
 * <p>A checkpoint is the previous one plus the facts recorded since (the first: the day sums less the facts recorded
 * after it). It relies on what the ledger and the topic guarantee: {@code recordedAt} never decreases along the
 * sequence, and a unit-year's events arrive in sequence order (one key, one partition). Should a fact
 * arrive that was recorded at or before an existing checkpoint anyway, the checkpoints it belongs in are
 * dropped, and later ones are taken again.
 */
public class FactCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(FactCheckpoints.class);

    /** What one delivery brought to a unit-year: how many new facts, recorded between earliest and latest. */
    record Arrived(String unit, int year, int facts, Instant earliest, Instant latest) {
    }

    private record Latest(Timestamp knownUntil, int rows) {
    }

    /** A unit-year's row of fact_uncheckpointed: facts after its latest checkpoint, and that checkpoint. */
    private record State(String unit, int year, long facts, Timestamp latestKnownUntil, int latestRows) {
    }

    private final JdbcTemplate jdbc;
    private final String schema;
    private final int bucketFacts;

    FactCheckpoints(JdbcTemplate jdbc, String schema, int bucketFacts) {
        if (bucketFacts < 1) {
            throw new IllegalArgumentException("budgetledger.projection.checkpoint-facts must be at least 1, was " + bucketFacts);
        }
        this.jdbc = jdbc;
        this.schema = schema;
        this.bucketFacts = bucketFacts;
    }

    /** Within the transaction that wrote the facts and day sums: one statement, and one more per checkpoint due. */
    void afterApplying(Collection<Arrived> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        Map<String, Arrived> byUnitYear = new HashMap<>();
        ColumnArrays counts = new ColumnArrays("varchar", "int", "bigint");
        for (Arrived arrived : arrivals) {
            byUnitYear.put(arrived.unit() + ":" + arrived.year(), arrived);
            counts.add(arrived.unit(), arrived.year(), arrived.facts());
        }
        List<State> states = jdbc.query("""
                        INSERT INTO %s.fact_uncheckpointed (unit, year, facts) SELECT * FROM unnest(?, ?, ?)
                        ON CONFLICT (unit, year) DO UPDATE SET facts = fact_uncheckpointed.facts + excluded.facts
                        RETURNING unit, year, facts, latest_known_until, latest_rows""".formatted(schema),
                (row, number) -> new State(row.getString("unit"), row.getInt("year"), row.getLong("facts"),
                        row.getTimestamp("latest_known_until"), row.getInt("latest_rows")), counts.arrays());
        for (State state : states) {
            Arrived arrived = byUnitYear.get(state.unit() + ":" + state.year());
            if (state.latestKnownUntil() != null && !arrived.earliest().isAfter(state.latestKnownUntil().toInstant())) {
                dropCheckpointsFrom(arrived);
                continue;
            }
            if (state.facts() < Math.max(bucketFacts, state.latestRows())) {
                continue;
            }
            // facts recorded at the latest instant may still be on their way (one transaction, two deliveries)
            Instant knownUntil = arrived.latest().minus(1, ChronoUnit.MICROS);
            if (state.latestKnownUntil() == null || knownUntil.isAfter(state.latestKnownUntil().toInstant())) {
                take(state.unit(), state.year(), state.latestKnownUntil(), Timestamp.from(knownUntil));
            }
        }
    }

    /** A fact arrived that belongs in checkpoints already taken: they are dropped, and later ones taken again. */
    private void dropCheckpointsFrom(Arrived arrived) {
        int dropped = jdbc.update("DELETE FROM %s.fact_checkpoint WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema),
                arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
        for (String rows : List.of("fact_checkpoint_dimension", "fact_checkpoint_month")) {
            jdbc.update("DELETE FROM %s.%s WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema, rows),
                    arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
        }
        log.warn("event=fact_checkpoints_dropped unit={} year={} checkpoints={} reason=\"a fact recorded at {} arrived after them\"",
                arrived.unit(), arrived.year(), dropped, arrived.earliest());
        List<Latest> latest = jdbc.query("""
                        SELECT known_until, sum_rows FROM %s.fact_checkpoint WHERE unit = ? AND year = ?
                        ORDER BY known_until DESC LIMIT 1""".formatted(schema),
                (row, number) -> new Latest(row.getTimestamp("known_until"), row.getInt("sum_rows")), arrived.unit(), arrived.year());
        Timestamp knownUntil = latest.isEmpty() ? null : latest.get(0).knownUntil();
        setState(arrived.unit(), arrived.year(), countAfter(arrived.unit(), arrived.year(), knownUntil), knownUntil,
                latest.isEmpty() ? 0 : latest.get(0).rows());
    }

    /** The next checkpoint: the previous one ({@code null}: none) plus the facts recorded since, up to knownUntil. */
    private void take(String unit, int year, Timestamp previous, Timestamp knownUntil) {
        CheckpointMonths months = new CheckpointMonths(year);
        CheckpointMonths.Rows rows;
        try {
            if (previous == null) {
                addKnownDaySums(months, unit, year, knownUntil);
            } else {
                addCheckpoint(months, unit, year, previous);
                addFactsBetween(months, unit, year, previous, knownUntil);
            }
            rows = months.rows(unit, knownUntil);
        } catch (ArithmeticException beyondLong) {
            // only amounts stored before the ledger limited a unit-year's get here; reports read facts instead
            log.warn("event=fact_checkpoint_skipped unit={} year={} known_until={} reason=\"a sum does not fit in a long\"",
                    unit, year, knownUntil.toInstant());
            setState(unit, year, 0, previous, previous == null ? 0 : latestRows(unit, year, previous));
            return;
        }
        if (rows.count() > 0) {
            jdbc.update("""
                    INSERT INTO %s.fact_checkpoint_dimension (unit, year, known_until, measure, fund, subject, kind,
                        economic, project, origin, counterparty, first_month, before_month_fen)
                    SELECT unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty,
                        first_month, before_month_fen::bigint[]
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS dimension_row (unit, year, known_until, measure,
                        fund, subject, kind, economic, project, origin, counterparty, first_month, before_month_fen)"""
                    .formatted(schema), rows.dimensions().arrays());
            jdbc.update("""
                    INSERT INTO %s.fact_checkpoint_month (unit, year, known_until, month, measure, fund, subject, kind,
                        economic, project, origin, counterparty, day_fen)
                    SELECT unit, year, known_until, month, measure, fund, subject, kind, economic, project, origin,
                        counterparty, day_fen::bigint[]
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS month_row (unit, year,
                        known_until, month, measure, fund, subject, kind, economic, project, origin, counterparty, day_fen,
                        position)
                    ORDER BY position""".formatted(schema), rows.months().arrays());
        }
        int rowCount = rows.count();
        jdbc.update("INSERT INTO %s.fact_checkpoint (unit, year, known_until, sum_rows) VALUES (?, ?, ?, ?)".formatted(schema),
                unit, year, knownUntil, rowCount);
        long after = countAfter(unit, year, knownUntil);
        setState(unit, year, after, knownUntil, rowCount);
        log.debug("event=fact_checkpoint unit={} year={} known_until={} rows={} facts_after={}", unit, year,
                knownUntil.toInstant(), rowCount, after);
    }

    /** The first checkpoint of a unit-year: its day sums less the facts recorded after knownUntil. */
    private void addKnownDaySums(CheckpointMonths months, String unit, int year, Timestamp knownUntil) {
        jdbc.query("""
                        SELECT effective_date, measure, fund, subject, kind, economic, project, origin, counterparty,
                               sum(fen) AS fen FROM (
                            SELECT effective_date, measure, fund, subject, kind, economic, project, origin, counterparty,
                                   amount_fen AS fen
                            FROM %1$s.fact_daily WHERE unit = ? AND year = ?
                          UNION ALL
                            SELECT effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
                                   coalesce(project, ''), coalesce(origin, ''), coalesce(counterparty, ''), -amount_fen
                            FROM %1$s.fact WHERE unit = ? AND year = ? AND recorded_at > ?
                        ) known
                        GROUP BY effective_date, measure, fund, subject, kind, economic, project, origin, counterparty
                        HAVING sum(fen) <> 0""".formatted(schema),
                row -> {
                    months.add(dimensions(row), row.getDate("effective_date").toLocalDate(),
                            row.getBigDecimal("fen").longValueExact());
                }, unit, year, unit, year, knownUntil);
    }

    /** What an earlier checkpoint holds: its month rows, which hold every day (its dimension rows sum them). */
    private void addCheckpoint(CheckpointMonths months, String unit, int year, Timestamp knownUntil) {
        jdbc.query("""
                        SELECT month, measure, fund, subject, kind, economic, project, origin, counterparty, day_fen
                        FROM %s.fact_checkpoint_month WHERE unit = ? AND year = ? AND known_until = ?""".formatted(schema),
                row -> {
                    months.addMonthRow(dimensions(row), row.getDate("month").toLocalDate(),
                            (Long[]) row.getArray("day_fen").getArray());
                }, unit, year, knownUntil);
    }

    /** The facts recorded after one instant, up to another, summed per day and dimension. */
    private void addFactsBetween(CheckpointMonths months, String unit, int year, Timestamp after, Timestamp upTo) {
        jdbc.query("""
                        SELECT effective_date, measure, fund, subject, coalesce(kind, '') AS kind,
                               coalesce(economic, '') AS economic, coalesce(project, '') AS project,
                               coalesce(origin, '') AS origin, coalesce(counterparty, '') AS counterparty,
                               sum(amount_fen) AS fen
                        FROM %s.fact WHERE unit = ? AND year = ? AND recorded_at > ? AND recorded_at <= ?
                        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(schema),
                row -> {
                    months.add(dimensions(row), row.getDate("effective_date").toLocalDate(),
                            row.getBigDecimal("fen").longValueExact());
                }, unit, year, after, upTo);
    }

    private static CheckpointMonths.Dimensions dimensions(ResultSet row) throws SQLException {
        return new CheckpointMonths.Dimensions(row.getString("measure"), row.getString("fund"), row.getString("subject"),
                row.getString("kind"), row.getString("economic"), row.getString("project"), row.getString("origin"),
                row.getString("counterparty"));
    }

    private int latestRows(String unit, int year, Timestamp knownUntil) {
        return jdbc.queryForObject("SELECT sum_rows FROM %s.fact_checkpoint WHERE unit = ? AND year = ? AND known_until = ?"
                .formatted(schema), Integer.class, unit, year, knownUntil);
    }

    /** Facts of the unit-year recorded after the instant, or all of them when there is none. */
    private long countAfter(String unit, int year, Timestamp knownUntil) {
        if (knownUntil == null) {
            return jdbc.queryForObject("SELECT count(*) FROM %s.fact WHERE unit = ? AND year = ?".formatted(schema),
                    Long.class, unit, year);
        }
        return jdbc.queryForObject("SELECT count(*) FROM %s.fact WHERE unit = ? AND year = ? AND recorded_at > ?".formatted(schema),
                Long.class, unit, year, knownUntil);
    }

    private void setState(String unit, int year, long facts, Timestamp latestKnownUntil, int latestRows) {
        jdbc.update("""
                        INSERT INTO %s.fact_uncheckpointed (unit, year, facts, latest_known_until, latest_rows) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (unit, year) DO UPDATE SET facts = excluded.facts,
                            latest_known_until = excluded.latest_known_until, latest_rows = excluded.latest_rows""".formatted(schema),
                unit, year, facts, latestKnownUntil, latestRows);
    }
}
