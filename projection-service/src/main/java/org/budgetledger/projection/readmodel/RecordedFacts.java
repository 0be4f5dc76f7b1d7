package org.budgetledger.projection.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether few of a unit-year's facts are recorded by an instant, and how many (issue #20): a page of a cell's facts
 * ({@link CellFacts}) reads those few by recording instant rather than pass the whole unit-year in its own order.
 */
final class RecordedFacts {

    /**
     * Reading a fact by recording instant costs about a tenth of finding one of a cell's by its subject or economic
     * code (the other order jumps from page to page of the table) and sorting it: a cell of fewer facts in the
     * unit-year than a tenth of those recorded by knownAt is read by its code, as before.
     */
    static final int RECORDED_PER_CELL_FACT = 10;
    /**
     * Passing a fact in the page's order costs about four times reading one by recording instant and counting it
     * (measured at 1,000,000 facts, BENCHMARKS.md, issue #20).
     */
    static final int COST_OF_PASSING_IN_READS = 4;
    private static final Pattern ESTIMATED_ROWS = Pattern.compile(" rows=([0-9]+) ");

    private final JdbcClient jdbc;
    private final String schema;
    private final int checkpointFacts;
    private final int few;

    /**
     * @param checkpointFacts the facts of a unit-year between two checkpoints, at least (the setting
     *                        {@code budgetledger.projection.checkpoint-facts})
     * @param few             at most this many facts are few (0: none)
     */
    RecordedFacts(JdbcClient jdbc, String schema, int checkpointFacts, int few) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.checkpointFacts = Math.max(1, checkpointFacts);
        this.few = Math.max(0, few);
    }

    /**
     * Whether few of the unit-year's facts may be recorded by knownAt, as its checkpoints tell: between two of them at
     * least as many facts were recorded as {@code checkpointFacts} and as the earlier one has rows
     * ({@link FactCheckpoints}). It reads a few hundred rows of an index at most, where {@link #countUpTo} would read
     * {@code few} facts at every late knownAt.
     */
    boolean mayBeFew(String unit, int year, Instant knownAt) {
        if (few == 0) {
            return false;
        }
        long atLeast = jdbc.sql("SELECT coalesce(sum(greatest(:bucket, sum_rows)), 0) FROM (SELECT sum_rows FROM " + schema
                        + ".fact_checkpoint WHERE unit = :unit AND year = :year AND known_until <= :knownAt"
                        + " ORDER BY known_until DESC OFFSET 1 LIMIT :most) checkpoint")
                .param("bucket", checkpointFacts).param("unit", unit).param("year", year)
                .param("knownAt", Timestamp.from(knownAt)).param("most", few / checkpointFacts + 1)
                .query(Long.class).single();
        return atLeast < few;
    }

    /**
     * The facts of the unit-year recorded by knownAt that a page of the cell up to {@code upTo} may read by recording
     * instant, at most: {@link #few}; no more than {@link #RECORDED_PER_CELL_FACT} per fact of the cell in the
     * unit-year; and no more than the page's order would pass. That order passes about upTo × (unit-year's facts)² /
     * (cell's facts × facts recorded): 1 / (the cell's share × the share recorded) per fact of the page. Facts counted as
     * the planner estimates them, from the statistics of the codes and units (which it has right; what it has wrong is
     * how many the unit had recorded by an instant).
     */
    long mostToRead(CellSum cell, String unit, int year, long upTo) {
        SelectionSql sql = new SelectionSql(false);
        String unitYear = "f.unit = " + sql.parameter(unit) + " AND f.year = " + sql.parameter(year);
        long unitYearFacts = estimate("SELECT 1 FROM " + schema + ".fact f WHERE " + unitYear, sql);
        long cellFacts = estimate("SELECT 1 FROM " + schema + ".fact f WHERE " + unitYear + " AND " + sql.counts(cell), sql);
        double balanced = unitYearFacts * Math.sqrt((double) COST_OF_PASSING_IN_READS * Math.max(1, upTo) / Math.max(1, cellFacts));
        return (long) Math.min(Math.min(few, balanced), (double) cellFacts * RECORDED_PER_CELL_FACT);
    }

    /** The unit-year's facts recorded by knownAt, counted up to one more than {@code most} (from the index alone). */
    long countUpTo(String unit, int year, Instant knownAt, long most) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM " + schema + ".fact WHERE unit = :unit AND year = :year"
                        + " AND recorded_at <= :knownAt LIMIT " + (most + 1) + ") recorded")
                .param("unit", unit).param("year", year).param("knownAt", Timestamp.from(knownAt))
                .query(Long.class).single();
    }

    /** The planner's estimate of the rows the statement answers. */
    private long estimate(String statement, SelectionSql sql) {
        String plan = jdbc.sql("EXPLAIN " + statement).params(sql.parameters()).query(String.class).list().get(0);
        Matcher rows = ESTIMATED_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : Long.MAX_VALUE;
    }
}
