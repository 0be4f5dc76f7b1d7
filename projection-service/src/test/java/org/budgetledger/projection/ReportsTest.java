package org.budgetledger.projection;

import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.export.ReportJson;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.platform.jdbc.SchemaOwner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random histories, each report at random (asOf, knownAt) points: the storage path (facts in PostgreSQL,
 * summed by the database) answers exactly what the reference (a pure function of the events) answers, and
 * every consistency identity holds exactly. Checkpoints of knowledge are taken every 20 facts here, so that
 * most points fall between two of them, some exactly on one.
 */
@RealInfrastructure
// this context writes the read model itself: its Kafka listener must not join the consumer group other tests steer
@SpringBootTest(classes = ProjectionServiceApplication.class, properties = {"spring.kafka.listener.auto-startup=false",
        "budgetledger.projection.checkpoint-facts=20"})
class ReportsTest {

    private static final int HISTORIES = 12;
    private static final int POINTS_PER_HISTORY = 6;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @Autowired
    ReadModelWriter writer;
    @Autowired
    FactQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    SchemaOwner owner;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void storage_and_reference_agree_and_every_identity_holds_on_random_histories() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        for (int history = 0; history < HISTORIES; history++) {
            long seed = seedOfRun + history;
            String unit = "R" + Long.toHexString(seed).substring(0, 8) + history;
            List<Delivered> events = RandomHistories.of(unit, seed, (1L << 42) + seed % (1L << 30) * 1000, 250);
            deliverInRandomParts(events, random);
            assertThat(checkpoints(unit)).as("seed %d: checkpoints taken", seed).isGreaterThanOrEqualTo(2);
            assertAgreesWithReference(unit, events, random, seed);
        }
    }

    @Test
    void a_fact_arriving_after_a_checkpoint_that_should_hold_it_is_not_lost() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "L" + Long.toHexString(seed).substring(0, 8);
        List<Delivered> events = RandomHistories.of(unit, seed, (1L << 43) + seed % (1L << 30) * 1000, 250);
        Delivered late = events.stream().skip(events.size() / 3)
                .filter(delivered -> !FactsOfEvent.of(delivered.envelope(), delivered.event()).isEmpty()).findFirst().orElseThrow();
        List<Delivered> onTime = events.stream().filter(delivered -> delivered != late).toList();
        deliverInRandomParts(onTime, random);
        assertThat(checkpoints(unit)).as("seed %d: checkpoints taken", seed).isGreaterThanOrEqualTo(2);

        writer.apply(List.of(late));

        assertAgreesWithReference(unit, events, random, seed);
    }

    @Test
    void a_replays_model_of_day_sums_alone_answers_the_reference_at_its_knownAt_with_redeliveries_applied_once() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String schema = "replay_test_" + Long.toHexString(seed);
        owner.migrate(schema, "classpath:db/" + ProjectionSchema.NAME);
        try {
            ReadModelWriter scratch = ReadModelWriter.daySumsOnly(new JdbcTemplate(dataSource), transactions, schema);
            String unit = "D" + Long.toHexString(seed).substring(0, 8);
            List<Delivered> events = RandomHistories.of(unit, seed, (1L << 44) + seed % (1L << 30) * 1000, 250);
            for (int from = 0; from < events.size(); ) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(40));
                List<Delivered> part = new ArrayList<>(events.subList(from, to));
                part.add(part.get(random.nextInt(part.size()))); // twice in one delivery
                assertThat(scratch.apply(part)).isEqualTo(to - from);
                // and again in a later one, as a publisher resuming after a crash sends it
                List<Delivered> again = events.subList(random.nextInt(to), to);
                assertThat(scratch.apply(again)).isZero();
                from = to;
            }
            Reference reference = Reference.of(events);
            FactQueries replayed = queries.inSchema(schema);
            for (int point = 0; point < POINTS_PER_HISTORY; point++) {
                ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)),
                        RandomHistories.lastRecordedAt(events));
                ReportInputs stored = replayed.inputs(unit, 2023, period);
                ReportInputs expected = reference.at(period);
                for (ReportTable table : ReportTables.all().values()) {
                    assertThat(table.rows(stored)).as("seed %d, %s at %s", seed, table.name(), period)
                            .isEqualTo(table.rows(expected));
                }
            }
        } finally {
            owner.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void deliverInRandomParts(List<Delivered> events, Random random) {
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
    }

    private long checkpoints(String unit) {
        return jdbc.sql("SELECT count(*) FROM projection.fact_checkpoint WHERE unit = ?").param(unit).query(Long.class).single();
    }

    private void assertAgreesWithReference(String unit, List<Delivered> events, Random random, long seed) {
        Reference reference = Reference.of(events);
        Instant last = RandomHistories.lastRecordedAt(events);
        for (int point = 0; point < POINTS_PER_HISTORY; point++) {
            Instant recordedAtOfOne = events.get(random.nextInt(events.size())).envelope().recordedAt();
            Instant knownAt = switch (point % 3) {
                case 0 -> point == 0 ? last : recordedAtOfOne;
                case 1 -> recordedAtOfOne.minusNanos(1_000);
                default -> RandomHistories.YEAR_START.plusSeconds(
                        (long) (random.nextDouble() * Duration.between(RandomHistories.YEAR_START, last).getSeconds()));
            };
            ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)), knownAt);
            ReportInputs stored = queries.inputs(unit, 2023, period);
            ReportInputs expected = reference.at(period);
            for (ReportTable table : ReportTables.all().values()) {
                assertThat(table.rows(stored)).as("seed %d, %s at %s", seed, table.name(), period)
                        .isEqualTo(table.rows(expected));
                for (Scale scale : Scale.values()) {
                    assertThat(json(table, stored, period, scale)).as("seed %d, %s, %s at %s", seed, table.name(), scale, period)
                            .isEqualTo(json(table, expected, period, scale));
                }
            }
            List<Check> failed = ConsistencyChecks.evaluate(stored).stream().filter(check -> !check.ok()).toList();
            assertThat(failed).as("seed %d at %s", seed, period).isEmpty();
        }
    }

    private static ReportJson json(ReportTable table, ReportInputs inputs, ReportPeriod period, Scale scale) {
        return ReportJson.of(new Report(table, "unit", 2023, period.asOf(), period.knownAt(), scale, table.rows(inputs)));
    }

    /** The facts and limit settings of a history, from which the reference computes any report's inputs. */
    private record Reference(List<Fact> facts, List<LimitSetting> limits) {
        static Reference of(List<Delivered> events) {
            List<Fact> facts = new ArrayList<>();
            List<LimitSetting> limits = new ArrayList<>();
            for (Delivered delivered : events) {
                facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event()));
                if (delivered.event() instanceof org.budgetledger.contracts.events.ThreePublicLimitSet limit) {
                    limits.add(LimitSetting.of(delivered.envelope(), limit));
                }
            }
            return new Reference(facts, limits);
        }

        ReportInputs at(ReportPeriod period) {
            return ReportInputs.of(facts, limits, period);
        }
    }
}
