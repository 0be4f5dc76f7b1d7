package org.budgetledger.projection.replay;

import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.monitoring.OpenCommitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every commitment (冻结, SPEC §14) of a unit-year, live against replayed, as {@code GET …/commitments} shows it: at
 * 31 December, as the tables are compared, its amount, what was paid under it and released of it, what is open and
 * what is left of its schedule; and on 1 January of the next year what the carry-over moved out of the year. The
 * movements are no day sums, so no table would show a commitment that differs while its line's sum does not.
 */
final class CommitmentDiff {

    /** The name a difference gives as its table. */
    static final String TABLE = "commitments";

    private static final List<String> COLUMNS = List.of("amount", "paid", "released", "open", "schedule", "carriedOver");

    private CommitmentDiff() {
    }

    static void compare(ReadModelDiff.UnitYear unitYear, Instant knownAt, MonitoringQueries live, MonitoringQueries replayed,
                        ReadModelDiff.Differences differences) {
        Map<String, Map<String, String>> liveFigures = figures(unitYear, knownAt, live);
        Map<String, Map<String, String>> replayedFigures = figures(unitYear, knownAt, replayed);
        Set<String> ids = new LinkedHashSet<>(liveFigures.keySet());
        ids.addAll(replayedFigures.keySet());
        for (String id : ids) {
            Map<String, String> ofLive = liveFigures.getOrDefault(id, Map.of());
            Map<String, String> ofReplayed = replayedFigures.getOrDefault(id, Map.of());
            for (String column : COLUMNS) {
                String liveValue = ofLive.getOrDefault(column, "");
                String replayedValue = ofReplayed.getOrDefault(column, "");
                if (!liveValue.equals(replayedValue)) {
                    differences.add(new Replay.Difference(TABLE, unitYear.unit(), unitYear.year(), id, column, liveValue,
                            replayedValue));
                }
            }
        }
    }

    /** Each commitment's figures by column, in exact 元; the schedule as {@code date amount, …}, earliest first. */
    private static Map<String, Map<String, String>> figures(ReadModelDiff.UnitYear unitYear, Instant knownAt,
                                                            MonitoringQueries read) {
        List<CommitmentMovement> movements = read.movements(List.of(unitYear.unit()), unitYear.year(), knownAt);
        LocalDate yearEnd = LocalDate.of(unitYear.year(), 12, 31);
        Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        for (OpenCommitment commitment : OpenCommitment.at(movements, new ReportPeriod(yearEnd, knownAt))) {
            Map<String, String> ofCommitment = figures.computeIfAbsent(commitment.id(), id -> new LinkedHashMap<>());
            ofCommitment.put("amount", yuan(commitment.amountFen()));
            ofCommitment.put("paid", yuan(commitment.paidFen()));
            ofCommitment.put("released", yuan(commitment.releasedFen()));
            ofCommitment.put("open", yuan(commitment.openFen()));
            ofCommitment.put("schedule", commitment.openSchedule().stream()
                    .map(due -> due.date() + " " + yuan(due.fen())).collect(Collectors.joining(", ")));
        }
        // the carry-over moves a closed year's commitments on 1 January of the next (SPEC §14)
        for (OpenCommitment commitment : OpenCommitment.at(movements, new ReportPeriod(yearEnd.plusDays(1), knownAt))) {
            figures.computeIfAbsent(commitment.id(), id -> new LinkedHashMap<>())
                    .put("carriedOver", yuan(commitment.carriedOverFen()));
        }
        return figures;
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
