package org.budgetledger.projection.reports;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.projection.RandomHistories;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cell adds up ({@link ReportTable#cell}) is what the table computes, on random histories at random points:
 * for every row and amount column of every table, the cell's definition evaluated on the report's inputs is the row's
 * amount, and so is the sum of the single facts kept by the period, each counted with its weight in the cell, plus
 * the 三公 limits in force: what the drill-down lists. The expected amounts are the tables' own rows (computed as
 * before drill-downs existed); the facts are the events' ({@link FactsOfEvent}).
 */
class CellDefinitionsTest {

    private static final int HISTORIES = 8;
    private static final int POINTS = 5;

    @Test
    void every_cell_of_every_table_is_what_its_definition_adds_up_over_the_summed_facts_and_over_the_single_facts() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        int cells = 0;
        for (int history = 0; history < HISTORIES; history++) {
            long seed = seedOfRun + history;
            List<Delivered> events = RandomHistories.of("C" + history, seed, 1, 300);
            List<Fact> facts = new ArrayList<>();
            List<LimitSetting> limits = new ArrayList<>();
            for (Delivered delivered : events) {
                facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event()));
                if (delivered.event() instanceof ThreePublicLimitSet limit) {
                    limits.add(LimitSetting.of(delivered.envelope(), limit));
                }
            }
            Instant last = RandomHistories.lastRecordedAt(events);
            for (int point = 0; point < POINTS; point++) {
                ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)),
                        RandomHistories.YEAR_START.plusSeconds((long) (random.nextDouble()
                                * Duration.between(RandomHistories.YEAR_START, last).plusSeconds(1).getSeconds())));
                ReportInputs inputs = ReportInputs.of(facts, limits, period);
                for (ReportTable table : ReportTables.all().values()) {
                    for (ReportRow row : table.rows(inputs)) {
                        for (Column column : table.columns()) {
                            Long expected = row.cell(column);
                            Optional<CellSum> cell = table.cell(table.address(row), column);
                            String as = "seed %d, %s %s %s at %s".formatted(seed, table.name(), table.address(row), column, period);
                            if (expected == null || column.part() != null) {
                                assertThat(cell).as(as + ": an empty cell or a rate is no sum").isEmpty();
                                continue;
                            }
                            assertThat(cell).as(as).isPresent();
                            assertThat(cell.get().fen(inputs)).as(as).isEqualTo(expected);
                            assertThat(overSingleFacts(cell.get(), facts, limits, period)).as(as + ", fact by fact").isEqualTo(expected);
                            cells++;
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(1000);
    }

    @Test
    void a_row_the_table_does_not_show_at_this_point_adds_up_to_nothing_and_a_row_it_cannot_have_is_no_cell() {
        List<Delivered> events = RandomHistories.of("E", 42, 1, 60);
        List<Fact> facts = new ArrayList<>();
        events.forEach(delivered -> facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event())));
        ReportInputs inputs = ReportInputs.of(facts, List.of(), new ReportPeriod(LocalDate.of(2023, 12, 31),
                RandomHistories.lastRecordedAt(events)));
        Map<String, String> shapes = new TreeMap<>(Map.of("T02", "2130101", "T06", "30905", "execution", "all:没有的项目"));
        shapes.forEach((name, row) -> {
            ReportTable table = ReportTables.byName(name).orElseThrow();
            assertThat(table.rows(inputs)).extracting(table::address).doesNotContain(row);
            assertThat(table.cell(row, table.columns().get(0)).orElseThrow().fen(inputs)).as(name).isZero();
        });
        for (ReportTable table : ReportTables.all().values()) {
            for (String row : List.of("", "x", "2140", "TOTAL:1", "income:99", "expenditure:", "budget:all", "all",
                    "nothing:TOTAL", "expenditure:5x")) {
                assertThat(table.cell(row, table.columns().get(0))).as("%s row '%s'", table.name(), row).isEmpty();
            }
        }
        assertThat(ReportTables.byName("T04").orElseThrow().cell("income:1", Column.amount("gov_fund")))
                .as("a cell the form leaves empty").isEmpty();
        assertThat(ReportTables.byName("T01").orElseThrow().cell("214", Column.amount("amount")))
                .as("a 类 row of 公开01表 by its code").isEqualTo(ReportTables.byName("T01").orElseThrow()
                        .cell("expenditure:44", Column.amount("amount")));
    }

    /** Each fact kept by the period counted with its weight in the cell, and the limits in force with theirs. */
    private static long overSingleFacts(CellSum cell, List<Fact> facts, List<LimitSetting> limits, ReportPeriod period) {
        long fen = 0;
        for (Fact fact : facts) {
            if (!fact.effectiveDate().isAfter(period.asOf()) && !fact.recordedAt().isAfter(period.knownAt())) {
                fen += cell.weight(fact.measure(), fact.fund(), fact.subject(), fact.kind(), fact.economic(), fact.project(),
                        fact.origin()) * fact.amountFen();
            }
        }
        for (CellSum.LimitTerm term : cell.limits()) {
            fen += term.sign() * inForce(term.category(), limits, period);
        }
        return fen;
    }

    /** The latest limit of the category effective by asOf and recorded by knownAt; 0 when none. */
    private static long inForce(ThreePublicCategory category, List<LimitSetting> limits, ReportPeriod period) {
        return limits.stream().filter(limit -> limit.category() == category && !limit.effectiveDate().isAfter(period.asOf())
                        && !limit.recordedAt().isAfter(period.knownAt()))
                .max(Comparator.comparing(LimitSetting::effectiveDate).thenComparingLong(LimitSetting::sequence))
                .map(LimitSetting::amountFen).orElse(0L);
    }
}
