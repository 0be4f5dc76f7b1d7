package org.budgetledger.projection.readmodel;

import org.budgetledger.platform.jdbc.ColumnArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the checkpoints of knowledge that keep a report at an old {@code knownAt} cheap (table
 * {@code fact_checkpoint}): the day sums of a unit-year's facts recorded up to an instant.
 *
 * <p>A checkpoint is taken once a bucket of facts has been recorded since the previous one: at least
 * {@code bucketFacts}, and at least as many as the previous checkpoint has rows, so that checkpoints never
 * take more room than the facts themselves. A report then reads one checkpoint and at most about one bucket
 * of facts, wherever its {@code knownAt} falls.
 *
 * <p>It relies on what the ledger and the topic guarantee: {@code recordedAt} never decreases along the
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
                take(state.unit(), state.year(), Timestamp.from(knownUntil));
            }
        }
    }

    /** A fact arrived that belongs in checkpoints already taken: they are dropped, and later ones taken again. */
    private void dropCheckpointsFrom(Arrived arrived) {
        int dropped = jdbc.update("DELETE FROM %s.fact_checkpoint WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema),
                arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
        jdbc.update("DELETE FROM %s.fact_checkpoint_sum WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema),
                arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
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

    private void take(String unit, int year, Timestamp knownUntil) {
        int rows = jdbc.update("""
                        INSERT INTO %1$s.fact_checkpoint_sum (unit, year, known_until, effective_date, measure, fund,
                            subject, kind, economic, project, origin, counterparty, amount_fen)
                        SELECT ?, ?, ?, effective_date, measure, fund, subject, kind, economic, project, origin, counterparty,
                               sum(fen) FROM (
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
                unit, year, knownUntil, unit, year, unit, year, knownUntil);
        jdbc.update("INSERT INTO %s.fact_checkpoint (unit, year, known_until, sum_rows) VALUES (?, ?, ?, ?)".formatted(schema),
                unit, year, knownUntil, rows);
        long after = countAfter(unit, year, knownUntil);
        setState(unit, year, after, knownUntil, rows);
        log.debug("event=fact_checkpoint unit={} year={} known_until={} rows={} facts_after={}", unit, year,
                knownUntil.toInstant(), rows, after);
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
