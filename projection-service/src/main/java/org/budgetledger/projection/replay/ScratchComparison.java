package org.budgetledger.projection.replay;

import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A replay's second half: every unit-year it covers, the live read model against the scratch one it loaded,
 * each unit-year compared on one of the helpers ({@link ReadModelDiff}): its tables and its commitments.
 */
final class ScratchComparison {

    private final JdbcClient jdbc;
    private final FactQueries live;
    private final MonitoringQueries liveCommitments;

    ScratchComparison(JdbcClient jdbc, FactQueries live, MonitoringQueries liveCommitments) {
        this.jdbc = jdbc;
        this.live = live;
        this.liveCommitments = liveCommitments;
    }

    /** The differing cells, the first {@value ReadModelDiff#DIFFERENCES_MAX} of them, and how many there are. */
    ReadModelDiff.Outcome compare(ReplayInProgress replay, String schema, ReplayTasks tasks) {
        ReadModelDiff.Side ofLive = new ReadModelDiff.Side(live, liveCommitments);
        ReadModelDiff.Side replayed = new ReadModelDiff.Side(live.inSchema(schema), new MonitoringQueries(jdbc, schema));
        List<Future<ReadModelDiff.Outcome>> outcomes = unitYears(replay, schema).stream()
                .map(unitYear -> tasks.submit(() -> ReadModelDiff.compare(unitYear, replay.knownAt(), ofLive, replayed)))
                .toList();
        List<Replay.Difference> differences = new ArrayList<>();
        long count = 0;
        for (Future<ReadModelDiff.Outcome> outcome : outcomes) {
            ReadModelDiff.Outcome ofUnitYear = ReplayTasks.result(outcome);
            count += ofUnitYear.count();
            ofUnitYear.differences().stream().limit(ReadModelDiff.DIFFERENCES_MAX - differences.size()).forEach(differences::add);
        }
        return new ReadModelDiff.Outcome(differences, count);
    }

    /** The unit-years of either read model that the replay covers. */
    private List<ReadModelDiff.UnitYear> unitYears(ReplayInProgress replay, String schema) {
        // the scratch model records no applied events (ReadModelWriter.daySumsOnly): its unit-years are those it
        // has amounts for, and a unit-year it lacks is still compared if the live model has it
        // (registry events are applied with no year: they are no unit-year's)
        return jdbc.sql("SELECT DISTINCT unit, year FROM (SELECT unit, year FROM " + ProjectionSchema.NAME
                        + ".applied_event WHERE year IS NOT NULL UNION SELECT unit, year FROM " + schema + ".fact_daily UNION SELECT unit, year FROM "
                        + schema + ".three_public_limit UNION SELECT unit, year FROM " + schema + ".commitment_movement) both_models"
                        + " WHERE (?::text IS NULL OR unit = ?) AND (?::int IS NULL OR year = ?) ORDER BY unit, year")
                .params(replay.unit(), replay.unit(), replay.year(), replay.year())
                .query((row, number) -> new ReadModelDiff.UnitYear(row.getString(1), row.getInt(2))).list();
    }
}
