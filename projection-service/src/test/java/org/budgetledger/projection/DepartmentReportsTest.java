package org.budgetledger.projection;

import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.RandomDepartments.Direction;
import org.budgetledger.projection.RandomDepartments.Side;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.departments.DepartmentStructure;
import org.budgetledger.projection.departments.InternalFlowChecks;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.budgetledger.web.security.UnitTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random trees of units (depth ≤ 4) with random histories and flows between their units, written to the real
 * read model; every department of the tree at random (asOf, knownAt) points:
 * <ul>
 * <li>the consolidated tables are the sum of the units' own tables, cell by cell, less exactly the internal flows
 * the generator recorded (computed without the consolidation: per-unit reference reports of the flows' facts);</li>
 * <li>the 内部往来核对 checks name every pair and direction with a flow, with the sums the generator recorded;</li>
 * <li>when every pair agrees, every identity of DOMAIN.md §3 holds on the consolidated tables;</li>
 * <li>the storage path (summed by PostgreSQL) answers exactly what the reference, a pure function, answers.</li>
 * </ul>
 * The department structure is the generated tree, given as an input (the projection's own is not under test here).
 */
@RealInfrastructure
@SpringBootTest(classes = ProjectionServiceApplication.class, properties = {"spring.kafka.listener.auto-startup=false",
        "budgetledger.projection.checkpoint-facts=20"})
class DepartmentReportsTest {

    private static final int TREES = 6;
    private static final int POINTS_PER_TREE = 5;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @Autowired
    ReadModelWriter writer;
    @Autowired
    FactQueries queries;

    @Test
    void a_department_is_its_units_less_exactly_the_flows_between_them_as_stored_and_as_the_reference_computes() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        boolean agreedSomewhere = false;
        for (int tree = 0; tree < TREES; tree++) {
            long seed = seedOfRun + tree;
            boolean matching = tree % 2 == 0;
            RandomDepartments departments = RandomDepartments.of(seed, (1L << 45) + seed % (1L << 30) * 10_000, 80, matching);
            deliverInRandomParts(departments.events(), random);
            History history = History.of(departments.events());
            Instant last = departments.events().stream().map(each -> each.envelope().recordedAt()).max(Instant::compareTo).orElseThrow();
            for (int point = 0; point < POINTS_PER_TREE; point++) {
                ReportPeriod period = point == 0 ? new ReportPeriod(LocalDate.of(2023, 12, 31), last)
                        : new ReportPeriod(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)), RandomHistories.YEAR_START
                        .plusSeconds((long) (random.nextDouble() * Duration.between(RandomHistories.YEAR_START, last).getSeconds())));
                for (String unit : departments.units()) {
                    List<String> units = departments.structure().unitsOf(unit, period);
                    String as = "seed %d, department of %s %s at %s".formatted(seed, unit, units, period);
                    DepartmentInputs stored = queries.department(units, 2023, period);
                    assertEqualsReference(stored, DepartmentInputs.of(history.facts(), history.limits(), units, period), as);
                    assertUnitsLessFlows(stored, units, history, departments.sides(), period, as);
                    List<Check> pairs = InternalFlowChecks.of(stored.internalFlows(), code -> null);
                    assertPairs(pairs, expectedPairs(departments.sides(), units, period), as);
                    if (pairs.stream().allMatch(Check::ok)) {
                        agreedSomewhere |= pairs.size() > 0;
                        assertThat(ConsistencyChecks.evaluate(stored.consolidated()).stream().filter(check -> !check.ok()))
                                .as(as).isEmpty();
                    }
                    if (matching && point == 0) {
                        assertThat(pairs).as("%s: flows received in full agree at the year's end, all known", as)
                                .allMatch(Check::ok);
                    }
                }
            }
        }
        assertThat(agreedSomewhere).as("seed %d: some department had flows that all agreed", seedOfRun).isTrue();
    }

    @Test
    void a_unit_without_descendants_has_the_same_report_in_both_scopes_and_a_unit_with_them_its_department_by_default() {
        long seed = System.nanoTime();
        RandomDepartments departments = RandomDepartments.of(seed, (1L << 46) + seed % (1L << 30) * 10_000, 60, false);
        deliverInRandomParts(departments.events(), new Random(seed));
        DepartmentStructure structure = departments.structure();
        Caller everyUnit = Caller.system("test");
        Consolidation consolidation = new Consolidation(queries, structure, new UnitAccess(UnitTree.FLAT), Clock.systemUTC());
        ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 12, 31), Instant.parse("2024-06-30T00:00:00Z"));
        for (String unit : departments.units()) {
            List<String> units = structure.unitsOf(unit, period);
            DepartmentInputs byDefault = consolidation.inputs(everyUnit, unit, 2023, period, Scope.DEPARTMENT);
            assertThat(byDefault.units()).isEqualTo(units);
            assertEqualsReference(byDefault, queries.department(units, 2023, period), "seed %d, %s".formatted(seed, unit));
            ReportInputs alone = consolidation.inputs(everyUnit, unit, 2023, period, Scope.UNIT).consolidated();
            for (ReportTable table : ReportTables.all().values()) {
                assertThat(table.rows(alone)).isEqualTo(table.rows(queries.inputs(unit, 2023, period)));
            }
            if (units.size() == 1) {
                DepartmentInputs department = queries.department(units, 2023, period);
                ReportInputs own = queries.inputs(unit, 2023, period);
                for (ReportTable table : ReportTables.all().values()) {
                    assertThat(table.rows(department.consolidated())).as("seed %d, %s of %s", seed, table.name(), unit)
                            .isEqualTo(table.rows(own));
                }
                assertThat(department.internalFlows()).isEmpty();
            }
        }
    }

    private void deliverInRandomParts(List<Delivered> events, Random random) {
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
    }

    private static void assertEqualsReference(DepartmentInputs stored, DepartmentInputs reference, String as) {
        for (ReportTable table : ReportTables.all().values()) {
            assertThat(table.rows(stored.consolidated())).as("%s: %s", as, table.name())
                    .isEqualTo(table.rows(reference.consolidated()));
        }
        assertThat(stored.consolidated().limitsFen()).as(as).isEqualTo(reference.consolidated().limitsFen());
        assertThat(stored.internalFlows()).as(as).isEqualTo(reference.internalFlows());
    }

    /**
     * Every amount cell of every table: the department's = Σ over its units of the unit's own table, less Σ of the
     * tables of the internal flows' facts alone (the tables are sums of facts, so a table of the flows' facts is
     * what they add to each cell). Execution rows of a unit's project are {@code {unit}/{project}} in a department
     * of more than one unit.
     */
    private static void assertUnitsLessFlows(DepartmentInputs stored, List<String> units, History history, List<Side> sides,
                                             ReportPeriod period, String as) {
        boolean consolidating = units.size() > 1;
        Set<Long> internal = new HashSet<>();
        for (Side side : sides) {
            if (units.contains(side.payer()) && units.contains(side.receiver())) {
                internal.add(side.sequence());
            }
        }
        for (ReportTable table : ReportTables.all().values()) {
            Map<String, Long> expected = new TreeMap<>();
            for (String unit : units) {
                List<Fact> own = history.facts().stream().filter(fact -> fact.unit().equals(unit)).toList();
                List<LimitSetting> limits = history.limits().stream().filter(limit -> limit.unit().equals(unit)).toList();
                String renamed = consolidating ? unit : null;
                add(expected, table, ReportInputs.of(own, limits, period), renamed, 1);
                List<Fact> flows = own.stream().filter(fact -> internal.contains(fact.sequence())).toList();
                add(expected, table, ReportInputs.of(flows, List.of(), period), renamed, -1);
            }
            Map<String, Long> actual = new TreeMap<>();
            add(actual, table, stored.consolidated(), null, 1);
            expected.values().removeIf(fen -> fen == 0);
            actual.values().removeIf(fen -> fen == 0);
            assertThat(actual).as("%s: %s", as, table.name()).isEqualTo(expected);
        }
    }

    private static void add(Map<String, Long> cells, ReportTable table, ReportInputs inputs, String unit, int sign) {
        for (ReportRow row : table.rows(inputs)) {
            String code = row.code();
            if (unit != null && table == BudgetExecution.TABLE && !"TOTAL".equals(code)) {
                code = unit + "/" + code;
            }
            String key = String.join("|", String.valueOf(code), String.valueOf(row.side()), String.valueOf(row.line()),
                    String.valueOf(row.group()), String.valueOf(row.part()));
            row.fen().forEach((column, fen) -> cells.merge(key + "|" + column.key(), sign * fen, Long::sum));
        }
    }

    private record PairKey(String payer, String receiver, Direction direction) {
    }

    /** What each pair paid and received inside the department by the period, as the generator recorded it. */
    private static Map<PairKey, long[]> expectedPairs(List<Side> sides, List<String> units, ReportPeriod period) {
        Map<PairKey, long[]> pairs = new TreeMap<>((one, other) -> {
            int byPayer = one.payer().compareTo(other.payer());
            int byReceiver = byPayer != 0 ? byPayer : one.receiver().compareTo(other.receiver());
            return byReceiver != 0 ? byReceiver : one.direction().compareTo(other.direction());
        });
        if (units.size() == 1) {
            return pairs;
        }
        for (Side side : sides) {
            boolean kept = !side.effectiveDate().isAfter(period.asOf()) && !side.recordedAt().isAfter(period.knownAt());
            if (kept && units.contains(side.payer()) && units.contains(side.receiver())) {
                long[] sums = pairs.computeIfAbsent(new PairKey(side.payer(), side.receiver(), side.direction()), key -> new long[2]);
                sums[side.paid() ? 0 : 1] += side.fen();
            }
        }
        pairs.values().removeIf(sums -> sums[0] == 0 && sums[1] == 0);
        return pairs;
    }

    private static void assertPairs(List<Check> checks, Map<PairKey, long[]> expected, String as) {
        List<String> actual = new ArrayList<>();
        for (Check check : checks) {
            assertThat(check.name()).isEqualTo("内部往来核对");
            assertThat(check.description()).as(as).contains(check.payer(), check.receiver());
            Direction direction = check.description().contains(Direction.SUBSIDY.paid.label()) ? Direction.SUBSIDY
                    : Direction.REMITTANCE;
            assertThat(check.description()).as(as).contains(direction.paid.label(), direction.received.label());
            actual.add(String.join(" ", check.payer(), check.receiver(), direction.name(), check.left(), check.right(),
                    String.valueOf(check.ok())));
        }
        List<String> wanted = new ArrayList<>();
        expected.forEach((pair, sums) -> wanted.add(String.join(" ", pair.payer(), pair.receiver(), pair.direction().name(),
                Money.ofFen(sums[0]).toYuanString(), Money.ofFen(sums[1]).toYuanString(), String.valueOf(sums[0] == sums[1]))));
        assertThat(actual).as(as).isEqualTo(wanted);
    }

    /** Every fact and limit setting of the events, for the reference and the per-unit tables. */
    private record History(List<Fact> facts, List<LimitSetting> limits) {
        static History of(List<Delivered> events) {
            List<Fact> facts = new ArrayList<>();
            List<LimitSetting> limits = new ArrayList<>();
            for (Delivered delivered : events) {
                facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event()));
                if (delivered.event() instanceof ThreePublicLimitSet limit) {
                    limits.add(LimitSetting.of(delivered.envelope(), limit));
                }
            }
            return new History(facts, limits);
        }
    }
}
