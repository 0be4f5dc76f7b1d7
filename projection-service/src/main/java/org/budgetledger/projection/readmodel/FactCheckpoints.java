package org.budgetledger.projection.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

    /** Within the transaction that wrote the facts and day sums. */
    void afterApplying(Arrived arrived) {
        Latest latest = latest(arrived.unit(), arrived.year());
        long uncheckpointed;
        if (latest != null && !arrived.earliest().isAfter(latest.knownUntil().toInstant())) {
            int dropped = jdbc.update("DELETE FROM %s.fact_checkpoint WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema),
                    arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
            jdbc.update("DELETE FROM %s.fact_checkpoint_sum WHERE unit = ? AND year = ? AND known_until >= ?".formatted(schema),
                    arrived.unit(), arrived.year(), Timestamp.from(arrived.earliest()));
            log.warn("event=fact_checkpoints_dropped unit={} year={} checkpoints={} reason=\"a fact recorded at {} arrived after them\"",
                    arrived.unit(), arrived.year(), dropped, arrived.earliest());
            latest = latest(arrived.unit(), arrived.year());
            uncheckpointed = countAfter(arrived.unit(), arrived.year(), latest == null ? null : latest.knownUntil());
            setUncheckpointed(arrived.unit(), arrived.year(), uncheckpointed);
        } else {
            uncheckpointed = jdbc.queryForObject("""
                            INSERT INTO %1$s.fact_uncheckpointed (unit, year, facts) VALUES (?, ?, ?)
                            ON CONFLICT (unit, year) DO UPDATE SET facts = fact_uncheckpointed.facts + excluded.facts
                            RETURNING facts""".formatted(schema),
                    Long.class, arrived.unit(), arrived.year(), arrived.facts());
        }
        if (uncheckpointed < Math.max(bucketFacts, latest == null ? 0 : latest.rows())) {
            return;
        }
        // facts recorded at the latest instant may still be on their way (one transaction, two deliveries)
        Instant knownUntil = arrived.latest().minus(1, ChronoUnit.MICROS);
        if (latest != null && !knownUntil.isAfter(latest.knownUntil().toInstant())) {
            return;
        }
        take(arrived.unit(), arrived.year(), Timestamp.from(knownUntil));
    }

    private void take(String unit, int year, Timestamp knownUntil) {
        int rows = jdbc.update("""
                        INSERT INTO %1$s.fact_checkpoint_sum (unit, year, known_until, effective_date, measure, fund,
                            subject, kind, economic, project, origin, amount_fen)
                        SELECT ?, ?, ?, effective_date, measure, fund, subject, kind, economic, project, origin, sum(fen) FROM (
                            SELECT effective_date, measure, fund, subject, kind, economic, project, origin, amount_fen AS fen
                            FROM %1$s.fact_daily WHERE unit = ? AND year = ?
                          UNION ALL
                            SELECT effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
                                   coalesce(project, ''), coalesce(origin, ''), -amount_fen
                            FROM %1$s.fact WHERE unit = ? AND year = ? AND recorded_at > ?
                        ) known
                        GROUP BY effective_date, measure, fund, subject, kind, economic, project, origin
                        HAVING sum(fen) <> 0""".formatted(schema),
                unit, year, knownUntil, unit, year, unit, year, knownUntil);
        jdbc.update("INSERT INTO %s.fact_checkpoint (unit, year, known_until, sum_rows) VALUES (?, ?, ?, ?)".formatted(schema),
                unit, year, knownUntil, rows);
        long after = countAfter(unit, year, knownUntil);
        setUncheckpointed(unit, year, after);
        log.debug("event=fact_checkpoint unit={} year={} known_until={} rows={} facts_after={}", unit, year,
                knownUntil.toInstant(), rows, after);
    }

    private Latest latest(String unit, int year) {
        List<Latest> found = jdbc.query("""
                        SELECT known_until, sum_rows FROM %s.fact_checkpoint WHERE unit = ? AND year = ?
                        ORDER BY known_until DESC LIMIT 1""".formatted(schema),
                (row, number) -> new Latest(row.getTimestamp("known_until"), row.getInt("sum_rows")), unit, year);
        return found.isEmpty() ? null : found.get(0);
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

    private void setUncheckpointed(String unit, int year, long facts) {
        jdbc.update("""
                INSERT INTO %s.fact_uncheckpointed (unit, year, facts) VALUES (?, ?, ?)
                ON CONFLICT (unit, year) DO UPDATE SET facts = excluded.facts""".formatted(schema), unit, year, facts);
    }
}
