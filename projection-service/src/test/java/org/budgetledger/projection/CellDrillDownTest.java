package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-down and the comparison of two points through the HTTP API, on random departments (trees of units with
 * random histories and flows between them, written to the real read model, the tree registered as the ledger would):
 * at random (asOf, knownAt), in both scopes, the transactions of random cells, page by page, sum to the cell as the
 * report shows it; the comparison lists exactly the cells in which two independently fetched tables differ, with the
 * transactions that add up to each change. The expected amounts are the reports' own answers.
 */
class CellDrillDownTest extends ProjectionIntegrationTest {

    private static final List<String> TABLES = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "execution");
    private static final String[] SCOPES = {"unit", "department"};

    @LocalServerPort
    int port;
    @Autowired
    ReadModelWriter writer;

    @Test
    void the_transactions_behind_a_random_cell_at_a_random_point_sum_to_it_in_either_scope() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        HttpApi api = new HttpApi(port);
        int nonZero = 0;
        for (int tree = 0; tree < 3; tree++) {
            long seed = seedOfRun + tree;
            RandomDepartments departments = written(seed, (1L << 47) + seed % (1L << 30) * 10_000, random);
            for (int probe = 0; probe < 40; probe++) {
                Point point = Point.random(random, departments);
                String unit = pick(random, new ArrayList<>(departments.units()));
                String scope = SCOPES[random.nextInt(2)];
                String table = pick(random, TABLES);
                String as = "seed %d, %s of %s (%s) at %s".formatted(seed, table, unit, scope, point);
                JsonNode report = api.get(report(unit, table) + "?scale=yuan&scope=" + scope + point.query("")).body();
                Cell cell = Cell.random(random, report);
                BigDecimal summed = BigDecimal.ZERO;
                int size = 1 + random.nextInt(40);
                boolean more = true;
                for (int page = 0; more; page++) {
                    HttpApi.Answer answer = api.get(report(unit, table) + "/cells?row=" + cell.row() + "&column=" + cell.column()
                            + "&scope=" + scope + "&page=" + page + "&size=" + size + point.query(""));
                    assertThat(answer.status()).as("%s, %s page %d: %s", as, cell, page, answer.body()).isEqualTo(200);
                    JsonNode body = answer.body();
                    assertThat(new BigDecimal(body.path("cell").asText())).as(as + ", " + cell).isEqualByComparingTo(cell.value());
                    BigDecimal pageTotal = BigDecimal.ZERO;
                    for (JsonNode transaction : body.path("transactions")) {
                        pageTotal = pageTotal.add(new BigDecimal(transaction.path("amount").asText()));
                        assertThat(transaction.path("date").asText()).as(as).isLessThanOrEqualTo(point.asOf().toString());
                        assertThat(Instant.parse(transaction.path("recordedAt").asText())).as(as).isBeforeOrEqualTo(point.knownAt());
                        assertThat(transaction.has("unit")).as(as + ": units named at department scope").isEqualTo(scope.equals("department"));
                        assertThat(transaction.path("id").asText()).as(as).isNotBlank();
                    }
                    assertThat(body.path("transactions").size()).as(as).isLessThanOrEqualTo(size);
                    assertThat(new BigDecimal(body.path("pageTotal").asText())).as(as).isEqualByComparingTo(pageTotal);
                    summed = summed.add(pageTotal);
                    more = body.path("hasNext").asBoolean();
                    assertThat(page).as(as + ": pages end").isLessThan(1000);
                }
                assertThat(summed).as("%s, %s: the transactions sum to the cell", as, cell).isEqualByComparingTo(cell.value());
                nonZero += cell.value().signum() != 0 ? 1 : 0;
            }
        }
        assertThat(nonZero).as("seed %d: cells with amounts were drilled into", seedOfRun).isGreaterThan(30);
    }

    @Test
    void the_comparison_lists_exactly_the_cells_that_differ_between_two_tables_and_the_transactions_that_make_each_change() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        HttpApi api = new HttpApi(port);
        int changed = 0;
        for (int tree = 0; tree < 2; tree++) {
            long seed = seedOfRun + tree;
            RandomDepartments departments = written(seed, (1L << 47) + (1L << 40) + seed % (1L << 30) * 10_000, random);
            for (int probe = 0; probe < 15; probe++) {
                Point first = Point.random(random, departments);
                Point second = random.nextBoolean() ? Point.random(random, departments)
                        : new Point(first.asOf(), Point.random(random, departments).knownAt());
                String unit = pick(random, new ArrayList<>(departments.units()));
                String scope = SCOPES[random.nextInt(2)];
                String table = pick(random, TABLES);
                String as = "seed %d, %s of %s (%s) from %s to %s".formatted(seed, table, unit, scope, first, second);
                Map<String, String> before = cells(api.get(report(unit, table) + "?scale=yuan&scope=" + scope + first.query("")).body());
                Map<String, String> after = cells(api.get(report(unit, table) + "?scale=yuan&scope=" + scope + second.query("")).body());
                Set<String> differing = new HashSet<>();
                Set<String> keys = new HashSet<>(before.keySet());
                keys.addAll(after.keySet());
                for (String key : keys) {
                    if (!value(before, key).equals(value(after, key))) {
                        differing.add(key);
                    }
                }
                int size = 1 + random.nextInt(30);
                HttpApi.Answer answer = api.get(report(unit, table) + "/diff?scope=" + scope + "&size=" + size
                        + first.query("1") + second.query("2"));
                assertThat(answer.status()).as("%s: %s", as, answer.body()).isEqualTo(200);
                assertThat(answer.body().path("complete").asBoolean()).as(as).isTrue();
                Set<String> listed = new HashSet<>();
                for (JsonNode cell : answer.body().path("cells")) {
                    String key = cell.path("row").asText() + "|" + cell.path("column").asText();
                    listed.add(key);
                    assertThat(cell.path("before").asText("")).as(as + " " + key).isEqualTo(before.getOrDefault(key, cell.path("before").asText("")));
                    assertThat(cell.path("after").asText("")).as(as + " " + key).isEqualTo(after.getOrDefault(key, cell.path("after").asText("")));
                    if (!cell.path("column").asText().equals("rate")) {
                        BigDecimal change = new BigDecimal(value(after, key)).subtract(new BigDecimal(value(before, key)));
                        assertThat(new BigDecimal(cell.path("change").asText())).as(as + " " + key).isEqualByComparingTo(change);
                        assertThat(new BigDecimal(cell.path("transactionsTotal").asText()))
                                .as("%s %s: the transactions make the change", as, key).isEqualByComparingTo(change);
                        JsonNode transactions = cell.path("transactions");
                        assertThat(transactions.size()).as(as).isEqualTo(Math.min(size, cell.path("transactionCount").asInt()));
                        if (cell.path("transactionCount").asInt() <= size) {
                            BigDecimal total = BigDecimal.ZERO;
                            for (JsonNode transaction : transactions) {
                                total = total.add(new BigDecimal(transaction.path("amount").asText()));
                            }
                            assertThat(total).as(as + " " + key).isEqualByComparingTo(change);
                        }
                    }
                }
                assertThat(listed).as("%s: the cells that differ", as).isEqualTo(differing);
                changed += differing.size();
            }
        }
        assertThat(changed).as("seed %d: some cells changed", seedOfRun).isGreaterThan(20);
    }

    /** Writes a random department and registers its tree, as the ledger would (each unit under its parent). */
    private RandomDepartments written(long seed, long firstSequence, Random random) {
        RandomDepartments departments = RandomDepartments.of(seed, firstSequence, 60, seed % 2 == 0);
        List<Delivered> registrations = new ArrayList<>();
        long sequence = firstSequence - 50;
        for (String unit : departments.units()) {
            registrations.add(new Delivered(new EventEnvelope("reg-" + unit, sequence++, "UnitRegistered",
                    RandomHistories.YEAR_START.minus(Duration.ofDays(30))), new UnitRegistered(unit, "单位" + unit,
                    departments.parentOf(unit), UnitType.OTHER, "t")));
        }
        writer.apply(registrations);
        List<Delivered> events = departments.events();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(60));
            writer.apply(events.subList(from, to));
            from = to;
        }
        return departments;
    }

    private static String report(String unit, String table) {
        return "/api/v1/reports/" + unit + "/2023/" + table;
    }

    /** A point of both time axes within the history. */
    record Point(LocalDate asOf, Instant knownAt) {
        static Point random(Random random, RandomDepartments departments) {
            Instant last = departments.events().stream().map(each -> each.envelope().recordedAt()).max(Instant::compareTo).orElseThrow();
            return new Point(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)), random.nextInt(5) == 0 ? last
                    : RandomHistories.YEAR_START.plusSeconds((long) (random.nextDouble()
                    * Duration.between(RandomHistories.YEAR_START, last).getSeconds())));
        }

        /** {@code &asOf{suffix}=…&knownAt{suffix}=…}. */
        String query(String suffix) {
            return "&asOf" + suffix + "=" + asOf + "&knownAt" + suffix + "=" + knownAt;
        }
    }

    /** A cell of a report: its row as the drill-down names it, its column, its amount. */
    record Cell(String row, String column, BigDecimal value) {
        /** A cell with an amount, most of the time one that is not zero. */
        static Cell random(Random random, JsonNode report) {
            List<Cell> all = new ArrayList<>();
            cells(report).forEach((key, value) -> {
                if (!key.endsWith("|rate")) {
                    String[] rowAndColumn = key.split("\\|", 2);
                    all.add(new Cell(rowAndColumn[0], rowAndColumn[1], new BigDecimal(value)));
                }
            });
            List<Cell> nonZero = all.stream().filter(cell -> cell.value().signum() != 0).toList();
            return pick(random, nonZero.isEmpty() || random.nextInt(6) == 0 ? all : nonZero);
        }
    }

    /** Every cell of a report by {@code {row}|{column}}, the row named as the drill-down names it. */
    private static Map<String, String> cells(JsonNode report) {
        Map<String, String> cells = new LinkedHashMap<>();
        String table = report.path("table").asText();
        for (JsonNode row : report.path("rows")) {
            String address = switch (table) {
                case "T01", "T04" -> row.path("side").asText() + ":" + row.path("line").asInt();
                case "execution" -> row.path("part").asText() + ":" + row.path("code").asText();
                default -> row.path("code").asText();
            };
            row.path("values").fields().forEachRemaining(value -> cells.put(address + "|" + value.getKey(), value.getValue().asText()));
        }
        return cells;
    }

    /** A cell's amount; a cell the report does not show is 0 (a rate: empty). */
    private static String value(Map<String, String> cells, String key) {
        String value = cells.get(key);
        if (value == null) {
            return key.endsWith("|rate") ? "" : "0.00";
        }
        return value;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
