package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.platform.jdbc.SchemaOwner;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints of knowledge as month rows (V15): reports read them at asOf dates before, inside and after the months
 * their facts fall in, and checkpoints a read model took before V15 (day sums) are converted by the migration and
 * followed by new ones. Checkpoints every 20 facts, as in ReportsTest (same context).
 */
@RealInfrastructure
@SpringBootTest(classes = ProjectionServiceApplication.class, properties = {"spring.kafka.listener.auto-startup=false",
        "budgetledger.projection.checkpoint-facts=20"})
class CheckpointsTest {

    private static final int POINTS = 40;

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
    void reports_before_after_and_inside_the_months_of_facts_dated_in_and_around_their_year_sum_as_the_reference() {
        // the ledger keeps a year's dates inside it; the read model does not count on that
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String unit = "M" + Long.toHexString(seed).substring(0, 8);
        List<Delivered> events = aroundTheYear(unit, seed, (1L << 45) + seed % (1L << 30) * 1000, 300);
        deliverInRandomParts(writer, events, random);
        // a checkpoint waits for at least as many new facts as the rows of the one before (V15), so 300 events of this
        // many dimensions give two to four of them: two are enough for points before, between and after them
        assertThat(jdbc.sql("SELECT count(*) FROM projection.fact_checkpoint WHERE unit = ?").param(unit).query(Long.class)
                .single()).as("seed %d: checkpoints taken", seed).isGreaterThanOrEqualTo(2);
        List<Fact> facts = facts(events);
        Instant first = events.get(0).envelope().recordedAt();
        Instant last = RandomHistories.lastRecordedAt(events);
        for (int point = 0; point < POINTS; point++) {
            LocalDate asOf = LocalDate.of(2022, 10, 1).plusDays(random.nextInt(580));
            Instant knownAt = point % 4 == 0 ? last
                    : first.plusSeconds((long) (random.nextDouble() * Duration.between(first, last).getSeconds()));
            ReportPeriod period = new ReportPeriod(asOf, knownAt);
            assertThat(queries.inputs(unit, 2023, period).sums()).as("seed %d at %s", seed, period)
                    .containsExactlyInAnyOrderElementsOf(ReportInputs.of(facts, List.of(), period).sums());
        }
    }

    @Test
    void checkpoints_taken_before_v11_are_converted_and_followed_by_new_ones_every_report_as_the_reference() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String schema = "before_v11_" + Long.toHexString(seed);
        Flyway upToV10 = Flyway.configure().configuration(owner.flyway(schema, "classpath:db/" + ProjectionSchema.NAME)
                .getConfiguration()).target("14").load();
        upToV10.migrate();
        try {
            String unit = "V" + Long.toHexString(seed).substring(0, 8);
            List<Delivered> events = RandomHistories.of(unit, seed, (1L << 46) + seed % (1L << 30) * 1000, 600);
            int migratedAt = events.size() / 3;
            JdbcTemplate template = new JdbcTemplate(dataSource);
            // the facts, day sums and limits a projection before V15 kept (its checkpoints are taken below, as it took them)
            writeAsBeforeV15(template, schema, events.subList(0, migratedAt));
            for (int checkpoint = 1; checkpoint <= 3; checkpoint++) {
                Instant knownUntil = events.get(migratedAt * checkpoint / 4).envelope().recordedAt();
                takeAsBeforeV15(template, schema, unit, Timestamp.from(knownUntil));
            }
            owner.migrate(schema, "classpath:db/" + ProjectionSchema.NAME);
            assertThat(template.queryForObject("SELECT count(DISTINCT known_until) FROM " + schema + ".fact_checkpoint_month",
                    Long.class)).as("seed %d: checkpoints converted", seed).isEqualTo(3);

            deliverInRandomParts(ReadModelWriter.complete(template, transactions, schema, 20), events.subList(migratedAt,
                    events.size()), random);
            assertThat(template.queryForObject("SELECT count(*) FROM " + schema + ".fact_checkpoint", Long.class))
                    .as("seed %d: checkpoints taken after the migration", seed).isGreaterThan(3);
            FactQueries migrated = queries.inSchema(schema);
            List<Fact> facts = facts(events);
            Instant last = RandomHistories.lastRecordedAt(events);
            for (int point = 0; point < POINTS; point++) {
                Instant knownAt = point % 3 == 0 ? events.get(random.nextInt(events.size())).envelope().recordedAt()
                        : RandomHistories.YEAR_START.plusSeconds((long) (random.nextDouble()
                        * Duration.between(RandomHistories.YEAR_START, last).getSeconds()));
                ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)), knownAt);
                ReportInputs stored = migrated.inputs(unit, 2023, period);
                ReportInputs expected = ReportInputs.of(facts, limits(events), period);
                for (ReportTable table : ReportTables.all().values()) {
                    assertThat(table.rows(stored)).as("seed %d, %s at %s", seed, table.name(), period)
                            .isEqualTo(table.rows(expected));
                }
                assertThat(stored.sums()).as("seed %d at %s", seed, period).containsExactlyInAnyOrderElementsOf(expected.sums());
            }
        } finally {
            owner.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** What a projection before V15 kept of events: their facts, 三公 limits, day sums, and facts counted for checkpoints. */
    private static void writeAsBeforeV15(JdbcTemplate jdbc, String schema, List<Delivered> events) {
        List<Object[]> facts = new ArrayList<>();
        for (Fact fact : facts(events)) {
            facts.add(new Object[]{fact.sequence(), fact.part(), fact.unit(), fact.year(), java.sql.Date.valueOf(fact.effectiveDate()),
                    Timestamp.from(fact.recordedAt()), fact.measure().name(), fact.fund().name(), fact.subject(),
                    fact.kind() == null ? null : fact.kind().name(), fact.economic(), fact.project(), fact.lineId(),
                    fact.origin() == null ? null : fact.origin().name(), fact.amountFen(), fact.counterparty()});
        }
        jdbc.batchUpdate("""
                INSERT INTO %s.fact (sequence, part, unit, year, effective_date, recorded_at, measure, fund, subject, kind,
                    economic, project, line_id, origin, amount_fen, counterparty)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(schema), facts);
        List<Object[]> limits = new ArrayList<>();
        for (LimitSetting limit : limits(events)) {
            limits.add(new Object[]{limit.sequence(), limit.unit(), limit.year(), limit.category().name(),
                    java.sql.Date.valueOf(limit.effectiveDate()), Timestamp.from(limit.recordedAt()), limit.amountFen()});
        }
        jdbc.batchUpdate("""
                INSERT INTO %s.three_public_limit (sequence, unit, year, category, effective_date, recorded_at, amount_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?)""".formatted(schema), limits);
        jdbc.update("""
                INSERT INTO %1$s.fact_daily (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin,
                    counterparty, amount_fen)
                SELECT unit, year, effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
                       coalesce(project, ''), coalesce(origin, ''), coalesce(counterparty, ''), sum(amount_fen)
                FROM %1$s.fact GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11""".formatted(schema));
        jdbc.update("INSERT INTO %1$s.fact_uncheckpointed (unit, year, facts) SELECT unit, year, count(*) FROM %1$s.fact GROUP BY 1, 2"
                .formatted(schema));
    }

    /** A checkpoint as the projection took one before V15: the day sums of the facts recorded up to an instant. */
    private static void takeAsBeforeV15(JdbcTemplate jdbc, String schema, String unit, Timestamp knownUntil) {
        int rows = jdbc.update("""
                        INSERT INTO %1$s.fact_checkpoint_sum (unit, year, known_until, effective_date, measure, fund,
                            subject, kind, economic, project, origin, counterparty, amount_fen)
                        SELECT ?, 2023, ?, effective_date, measure, fund, subject, kind, economic, project, origin,
                               counterparty, sum(fen) FROM (
                            SELECT effective_date, measure, fund, subject, kind, economic, project, origin, counterparty,
                                   amount_fen AS fen
                            FROM %1$s.fact_daily WHERE unit = ? AND year = 2023
                          UNION ALL
                            SELECT effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
                                   coalesce(project, ''), coalesce(origin, ''), coalesce(counterparty, ''), -amount_fen
                            FROM %1$s.fact WHERE unit = ? AND year = 2023 AND recorded_at > ?
                        ) known
                        GROUP BY effective_date, measure, fund, subject, kind, economic, project, origin, counterparty
                        HAVING sum(fen) <> 0""".formatted(schema), unit, knownUntil, unit, unit, knownUntil);
        jdbc.update("INSERT INTO %s.fact_checkpoint (unit, year, known_until, sum_rows) VALUES (?, 2023, ?, ?)".formatted(schema),
                unit, knownUntil, rows);
        jdbc.update("""
                        UPDATE %1$s.fact_uncheckpointed SET latest_known_until = ?, latest_rows = ?,
                            facts = (SELECT count(*) FROM %1$s.fact WHERE unit = ? AND year = 2023 AND recorded_at > ?)
                        WHERE unit = ? AND year = 2023""".formatted(schema), knownUntil, rows, unit, knownUntil, unit);
    }

    /** Payments and receipts dated from November before the year to February after it, recorded over the year. */
    private static List<Delivered> aroundTheYear(String unit, long seed, long firstSequence, int size) {
        Random random = new Random(seed);
        List<Delivered> events = new ArrayList<>();
        Instant recordedAt = RandomHistories.YEAR_START;
        for (int n = 0; n < size; n++) {
            String id = unit + "-" + n;
            LocalDate date = LocalDate.of(2022, 11, 1).plusDays(random.nextInt(486));
            recordedAt = random.nextInt(6) == 0 ? recordedAt : recordedAt.plusSeconds(1 + random.nextInt(100_000));
            Money amount = Money.ofFen(1 + random.nextInt(1_000_000));
            String subject = RandomHistories.SUBJECTS[random.nextInt(3)];
            LedgerEvent event = random.nextInt(3) == 0
                    ? new IncomeReceived(id, unit, 2023, date, "t", null, null, random.nextBoolean() ? Fund.BUSINESS : Fund.OTHER,
                    subject, amount)
                    : new PaymentMade(id, unit, 2023, date, "t", null, null, "line-" + subject, LineOrigin.APPROPRIATION,
                    Fund.GENERAL_BUDGET, subject, random.nextBoolean() ? Kind.BASIC : Kind.PROJECT,
                    RandomHistories.PROJECTS[random.nextInt(2)], RandomHistories.ECONOMIC[random.nextInt(4)], amount, null, null);
            events.add(new Delivered(new EventEnvelope(id, firstSequence + n, event.eventName(), recordedAt), event));
        }
        return events;
    }

    private static List<Fact> facts(List<Delivered> events) {
        List<Fact> facts = new ArrayList<>();
        for (Delivered delivered : events) {
            facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event()));
        }
        return facts;
    }

    private static List<LimitSetting> limits(List<Delivered> events) {
        List<LimitSetting> limits = new ArrayList<>();
        for (Delivered delivered : events) {
            if (delivered.event() instanceof ThreePublicLimitSet limit) {
                limits.add(LimitSetting.of(delivered.envelope(), limit));
            }
        }
        return limits;
    }

    private static void deliverInRandomParts(ReadModelWriter writer, List<Delivered> events, Random random) {
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
    }
}
