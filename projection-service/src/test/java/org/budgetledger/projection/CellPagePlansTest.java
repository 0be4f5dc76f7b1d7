package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.CellFacts;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a cell's facts is read in one of two ways (issue #20): the unit-year's facts in the page's order, or,
 * when few facts are recorded by knownAt, those facts by recording instant and then sorted. Both must give the same
 * pages at every (asOf, knownAt), the early knownAt where only a few facts are known included: here one reader never
 * reads by recording instant and the other always does, on random histories in the real read model.
 */
class CellPagePlansTest extends ProjectionIntegrationTest {

    private static final List<CellSum> CELLS = List.of(
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE)),
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.subjects("201"))),
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.funds(Fund.GENERAL_BUDGET))
                    .and(FactSelection.economic("302"))),
            CellSum.of(FactSelection.measures(Measure.INCOME)).minus(CellSum.of(FactSelection.measures(Measure.EXPENDITURE))),
            CellSum.of(FactSelection.all()));

    @Autowired
    ReadModelWriter writer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void reading_by_recording_instant_and_reading_in_the_pages_order_give_the_same_pages_at_any_point() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "PLAN" + Long.toString(seed % 1_000_000, 36).toUpperCase();
        List<Delivered> events = RandomHistories.of(unit, seed, (1L << 46) + seed % (1L << 30) * 10_000, 400);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
        // the planner's statistics as autovacuum keeps them: a page reads by recording instant only so many facts as
        // the cell's and the unit-year's facts (as the planner estimates them) make worth it
        JdbcClient.create(SharedInfrastructure.superuser()).sql("ANALYZE " + ProjectionSchema.NAME + ".fact").update();
        CellFacts inPageOrder = new CellFacts(jdbc, ProjectionSchema.NAME, transactions, 20, 0);
        CellFacts byRecording = new CellFacts(jdbc, ProjectionSchema.NAME, transactions, 20, 1_000_000);
        Instant last = RandomHistories.lastRecordedAt(events);
        int listed = 0;
        int listedEarly = 0;
        for (int probe = 0; probe < 60; probe++) {
            // a third of the points early in the recording: few facts known, many of the unit-year's passed per match
            double share = probe % 3 == 0 ? random.nextDouble() * 0.1 : random.nextDouble();
            Instant knownAt = probe % 7 == 0 ? last : RandomHistories.YEAR_START.plusMillis((long) (share
                    * Duration.between(RandomHistories.YEAR_START, last).toMillis()));
            ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)), knownAt);
            CellSum cell = CELLS.get(random.nextInt(CELLS.size()));
            CellFacts.Keeping keeping = new CellFacts.Keeping(List.of(unit), 2023, period);
            int size = 1 + random.nextInt(30);
            String as = "seed %d, cell %s at %s, pages of %d".formatted(seed, cell, period, size);
            List<CellFacts.Line> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                List<CellFacts.Line> expected = inPageOrder.page(cell, keeping, (long) page * size, size);
                assertThat(byRecording.page(cell, keeping, (long) page * size, size)).as("%s, page %d", as, page)
                        .isEqualTo(expected);
                all.addAll(expected);
                if (expected.size() < size) {
                    break;
                }
            }
            assertThat(all).as(as).allSatisfy(line -> {
                assertThat(line.recordedAt()).isBeforeOrEqualTo(knownAt);
                assertThat(line.effectiveDate()).isBeforeOrEqualTo(period.asOf());
            });
            listed += all.size();
            listedEarly += probe % 3 == 0 && probe % 7 != 0 ? all.size() : 0;
        }
        assertThat(listed).as("seed %d: cells with facts were paged through", seed).isGreaterThan(200);
        assertThat(listedEarly).as("seed %d: early points listed facts", seed).isGreaterThan(0);
    }
}
