package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.CellFacts;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a page of a cell's facts is read (issue #20): what it costs is bounded by rows, whatever the point, and every way
 * of reading it gives the same page. A page read in its own order (effective date) passes, per fact of the page,
 * 1 / (the cell's share × the share of the unit-year's facts recorded by knownAt): early in a unit-year's recording,
 * when few facts are known, that is the whole unit-year.
 */
class CellPageReadingTest extends ProjectionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT_OF_THE_CELL = "2140199";
    private static final String[] OTHER_SUBJECTS = {"2010499", "2019999", "2080505", "2140106", "2140109", "2210201"};
    private static final CellSum CELL = CellSum.of(FactSelection.measures(Measure.EXPENDITURE)
            .and(FactSelection.subjects(SUBJECT_OF_THE_CELL)));
    private static final List<CellSum> CELLS = List.of(
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE)),
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.subjects("201"))),
            CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.funds(Fund.GENERAL_BUDGET))
                    .and(FactSelection.economic("302"))),
            CellSum.of(FactSelection.measures(Measure.INCOME)).minus(CellSum.of(FactSelection.measures(Measure.EXPENDITURE))),
            CellSum.of(FactSelection.all()));

    @Autowired
    CellFacts cellFacts;
    @Autowired
    ReadModelWriter writer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionSettings settings;

    /** One fact as written here: a payment of the unit on a subject, recorded 10 ms after the one before. */
    private record Fact(long sequence, LocalDate effectiveDate, Instant recordedAt, String subject, long amountFen) {
    }

    @Test
    void a_first_page_at_an_early_knownAt_passes_few_facts_of_a_large_unit_year_and_is_exact() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "EARLY" + Long.toString(seed % 1_000_000_000L, 36).toUpperCase();
        long firstSequence = (3L << 45) + Math.floorMod(seed, 1L << 20) * 1_000_000L;
        // a unit-year of 200,000 facts, one in ten the cell's, effective on random days: the facts' order of recording
        // and of effective date are unrelated, as in a ledger that posts a year's vouchers as they come
        List<Fact> facts = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            facts.add(new Fact(firstSequence + n, LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)),
                    RandomHistories.YEAR_START.plusMillis(10L * n),
                    n % 10 == 0 ? SUBJECT_OF_THE_CELL : OTHER_SUBJECTS[random.nextInt(OTHER_SUBJECTS.length)],
                    1 + random.nextInt(1_000_000)));
        }
        insert(unit, facts);
        try {
            // 300 facts known, about 30 of them the cell's: fewer than a page of 51
            int known = 300;
            Instant knownAt = facts.get(known - 1).recordedAt();
            ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 12, 31), knownAt);
            CellFacts.Keeping keeping = new CellFacts.Keeping(List.of(unit), 2023, period);
            String as = "seed %d, unit %s, %d facts known".formatted(seed, unit, known);

            List<Fact> expected = facts.stream().filter(fact -> !fact.recordedAt().isAfter(knownAt)
                            && fact.subject().equals(SUBJECT_OF_THE_CELL))
                    .sorted(Comparator.comparing(Fact::effectiveDate).thenComparing(Fact::sequence)).toList();
            assertThat(expected).as(as).hasSizeBetween(5, 50);
            assertThat(cellFacts.page(CELL, keeping, 0, 51)).as(as)
                    .extracting(CellFacts.Line::sequence, CellFacts.Line::amountFen)
                    .containsExactlyElementsOf(expected.stream()
                            .map(fact -> org.assertj.core.groups.Tuple.tuple(fact.sequence(), fact.amountFen())).toList());
            assertThat(cellFacts.page(CELL, keeping, 3, 2)).as(as).extracting(CellFacts.Line::sequence)
                    .containsExactly(expected.get(3).sequence(), expected.get(4).sequence());

            // what it costs: the facts the statement passes, as the database counts them. A page is read in its own
            // order over a bounded prefix of the unit-year (and that prefix counted from the index), then, as few facts
            // are known, the facts recorded by knownAt (counted, then read): not the unit-year's 200,000
            long passed = factsPassed(cellFacts.pageStatement(CELL, keeping, 0, 51));
            long bound = 2L * CellFacts.PREFIX_FACTS + 2L * (known + 1);
            assertThat(passed).as("%s: facts passed for a first page", as).isLessThanOrEqualTo(bound);
        } finally {
            jdbc.sql("DELETE FROM " + ProjectionSchema.NAME + ".fact WHERE unit = :unit").param("unit", unit).update();
        }
    }

    @Test
    void every_way_of_reading_a_page_gives_the_same_pages_at_any_point() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "READ" + Long.toString(seed % 1_000_000, 36).toUpperCase();
        List<Delivered> events = RandomHistories.of(unit, seed, (1L << 46) + (1L << 44) + seed % (1L << 30) * 10_000, 1_200);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
        // in the page's order with no bound: the reading of before; by recording instant always; as the planner
        // chooses always; and random small bounds, which mix the three from point to point
        // (the checkpoints' buckets as the application takes them, or smaller: a bucket of one tells the least)
        int bucket = settings.projection().checkpointFacts();
        CellFacts inOrder = new CellFacts(jdbc, ProjectionSchema.NAME, Integer.MAX_VALUE, 0, bucket);
        List<CellFacts> others = new ArrayList<>(List.of(
                new CellFacts(jdbc, ProjectionSchema.NAME, 0, Integer.MAX_VALUE, bucket),
                new CellFacts(jdbc, ProjectionSchema.NAME, 0, 0, bucket),
                cellFacts));
        for (int reader = 0; reader < 4; reader++) {
            others.add(new CellFacts(jdbc, ProjectionSchema.NAME, random.nextInt(120), random.nextInt(400),
                    reader % 2 == 0 ? bucket : 1 + random.nextInt(bucket)));
        }
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
                List<CellFacts.Line> expected = inOrder.page(cell, keeping, (long) page * size, size);
                for (int reader = 0; reader < others.size(); reader++) {
                    assertThat(others.get(reader).page(cell, keeping, (long) page * size, size))
                            .as("%s, page %d, reader %d", as, page, reader).isEqualTo(expected);
                }
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

    /** Writes the facts of one unit-year 2023 as the projection would (payments of 一般公共预算, basic, 30201). */
    private void insert(String unit, List<Fact> facts) {
        for (int from = 0; from < facts.size(); from += 20_000) {
            List<Fact> batch = facts.subList(from, Math.min(facts.size(), from + 20_000));
            jdbc.sql("INSERT INTO " + ProjectionSchema.NAME + ".fact (sequence, part, unit, year, effective_date,"
                            + " recorded_at, measure, fund, subject, kind, economic, line_id, amount_fen, origin)"
                            + " SELECT s, 0, :unit, 2023, e, r, 'EXPENDITURE', 'GENERAL_BUDGET', c, 'BASIC', '30201', 'L1', a,"
                            + " 'APPROPRIATION' FROM unnest(:sequences, :effective, :recorded, :subjects, :amounts) AS x (s, e, r, c, a)")
                    .param("unit", unit)
                    .param("sequences", new SqlArrayValue("bigint", batch.stream().map(Fact::sequence).toArray()))
                    .param("effective", new SqlArrayValue("date", batch.stream().map(fact -> Date.valueOf(fact.effectiveDate())).toArray()))
                    .param("recorded", new SqlArrayValue("timestamptz", batch.stream().map(fact -> Timestamp.from(fact.recordedAt())).toArray()))
                    .param("subjects", new SqlArrayValue("bpchar", batch.stream().map(Fact::subject).toArray()))
                    .param("amounts", new SqlArrayValue("bigint", batch.stream().map(Fact::amountFen).toArray()))
                    .update();
        }
    }

    /** The rows the statement reads from the table {@code fact}, kept or not, as EXPLAIN ANALYZE counts them. */
    private long factsPassed(CellFacts.Statement statement) {
        String plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement.sql()).params(statement.parameters())
                .query(String.class).single();
        try {
            return passed(JSON.readTree(plan).get(0).get("Plan"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(plan, e);
        }
    }

    private static long passed(JsonNode node) {
        long rows = 0;
        if ("fact".equals(node.path("Relation Name").asText())) {
            rows += Math.round((node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                    + node.path("Rows Removed by Index Recheck").asDouble()) * node.path("Actual Loops").asDouble());
        }
        for (JsonNode child : node.path("Plans")) {
            rows += passed(child);
        }
        return rows;
    }
}
