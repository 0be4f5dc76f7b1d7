package org.budgetledger.projection.readmodel;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * The first facts of a cell of one unit at a point, in the page's order (effective date, sequence, part: the primary
 * key breaks every tie, so the order is total), as SQL whose cost is bounded by rows passed, not by the planner's
 * estimates (issue #20).
 *
 * <p>Read in that order from {@code fact_unit_year_effective}, a page passes, per fact of it, 1 / (the cell's share ×
 * the share of the facts recorded by knownAt): few when many are known, the whole unit-year early in its recording,
 * when few are. Read by recording instant ({@code fact_unit_year_recorded_sums}) and sorted, it costs the facts
 * recorded by knownAt: few early, the whole unit-year late. Neither is chosen by estimate; each is bounded by rows:
 * <ol>
 * <li>the unit-year's first {@code prefixFacts} facts effective by asOf, in order, and among them the cell's recorded
 * by knownAt, up to the page's end. Any fact of the cell beyond the prefix comes after every one in it, so the page
 * is exact when they fill it, or when the prefix held every fact effective by asOf;</li>
 * <li>otherwise, when at most {@code recordedFacts} of the unit-year's facts are recorded by knownAt (counted from
 * the index, at most one more), all of them by recording instant, the cell's sorted. The checkpoints of knowledge
 * ({@link FactCheckpoints}) tell first, from a few rows, when more surely are: between two of them at least as many
 * facts were recorded as {@code checkpointFacts} and as the earlier one has rows;</li>
 * <li>otherwise the cell's facts as the planner reads them (in order, or by code for a cell of few facts): more than
 * {@code recordedFacts} facts are known, so in order it passes at most page × (unit-year's facts) / (the cell's share ×
 * {@code recordedFacts}).</li>
 * </ol>
 * One statement: each later step is a branch behind a one-time filter on the earlier ones' counts (an InitPlan the
 * executor evaluates only when it gets there), so an ask the prefix answers costs what it cost before. Every bounded
 * read names its order, so that it is read from the index in that order whatever the planner estimates (counting the
 * facts recorded by knownAt without it, the planner may scan the whole table: it takes the recording instants of every
 * unit's facts for the unit's).
 */
final class FirstFactsOfUnit {

    private final String schema;
    private final long prefixFacts;
    private final long recordedFacts;
    private final int checkpointFacts;

    /**
     * @param checkpointFacts the facts of a unit-year between two checkpoints, at least (the setting
     *                        {@code budgetledger.projection.checkpoint-facts})
     */
    FirstFactsOfUnit(String schema, long prefixFacts, long recordedFacts, int checkpointFacts) {
        if (prefixFacts < 0 || recordedFacts < 0 || checkpointFacts < 1) {
            throw new IllegalArgumentException("bounds of facts are not negative, a bucket is at least 1: " + prefixFacts
                    + ", " + recordedFacts + ", " + checkpointFacts);
        }
        this.schema = schema;
        this.prefixFacts = prefixFacts;
        this.recordedFacts = recordedFacts;
        this.checkpointFacts = checkpointFacts;
    }

    /**
     * A query of the cell's first {@code upTo} facts of the point's only unit, in the page's order, each as a line of
     * {@code lineColumns} with its amount as the cell counts it.
     */
    String upTo(CellSum cell, CellFacts.Keeping keeping, SelectionSql sql, String lineColumns, long upTo) {
        String fact = schema + ".fact f";
        String unitYear = "f.unit = " + sql.parameter(keeping.units().get(0)) + " AND f.year = " + sql.parameter(keeping.year());
        String effective = "f.effective_date <= " + sql.parameter(Date.valueOf(keeping.period().asOf()));
        String recorded = "f.recorded_at <= " + sql.parameter(Timestamp.from(keeping.period().knownAt()));
        String counts = sql.counts(cell);
        String lines = "SELECT " + lineColumns + ", " + sql.weight(cell) + " * f.amount_fen AS amount_fen";
        String inPageOrder = " ORDER BY f.effective_date, f.sequence, f.part";
        String page = inPageOrder + " LIMIT " + upTo;
        String notExact = "NOT (SELECT yes FROM in_order_exact)";
        return "SELECT * FROM (WITH in_order AS (" + lines + " FROM (SELECT * FROM " + fact + " WHERE " + unitYear + " AND "
                + effective + inPageOrder + " LIMIT " + prefixFacts + ") f WHERE " + recorded + " AND " + counts + page + "),"
                + " in_order_exact AS (SELECT (SELECT count(*) FROM in_order) = " + upTo + " OR (SELECT count(*) FROM (SELECT 1"
                + " FROM " + fact + " WHERE " + unitYear + " AND " + effective + inPageOrder + " LIMIT " + prefixFacts + ") prefix) < "
                + prefixFacts + " AS yes),"
                + " known AS (SELECT CASE WHEN " + knownAtLeast(keeping, sql) + " > " + recordedFacts + " THEN "
                + (recordedFacts + 1) + " ELSE (SELECT count(*) FROM (SELECT 1 FROM " + fact + " WHERE " + unitYear + " AND "
                + recorded + " ORDER BY f.recorded_at LIMIT " + (recordedFacts + 1) + ") up_to_one_more) END AS facts)"
                + " SELECT * FROM in_order WHERE (SELECT yes FROM in_order_exact)"
                // the order and the limit say how to read them: by recording instant, whatever the planner estimates
                + " UNION ALL (" + lines + " FROM (SELECT * FROM " + fact + " WHERE " + unitYear + " AND " + recorded
                + " ORDER BY f.recorded_at LIMIT " + (recordedFacts + 1) + ") f WHERE " + notExact
                + " AND (SELECT facts FROM known) <= " + recordedFacts + " AND " + effective + " AND " + counts + page + ")"
                + " UNION ALL (" + lines + " FROM " + fact + " WHERE " + notExact + " AND (SELECT facts FROM known) > "
                + recordedFacts + " AND " + unitYear + " AND " + effective + " AND " + recorded + " AND " + counts + page + ")"
                + ") first_facts";
    }

    /**
     * As many of the unit-year's facts as are surely recorded by knownAt, from its checkpoints taken by then (their
     * buckets: the latest's own not counted), read no further than it takes to pass {@code recordedFacts}.
     */
    private String knownAtLeast(CellFacts.Keeping keeping, SelectionSql sql) {
        return "(SELECT coalesce(sum(greatest(" + checkpointFacts + ", c.sum_rows)), 0) FROM (SELECT sum_rows FROM " + schema
                + ".fact_checkpoint WHERE unit = " + sql.parameter(keeping.units().get(0)) + " AND year = "
                + sql.parameter(keeping.year()) + " AND known_until <= " + sql.parameter(Timestamp.from(keeping.period().knownAt()))
                + " ORDER BY known_until DESC OFFSET 1 LIMIT " + (recordedFacts / checkpointFacts + 1) + ") c)";
    }
}
