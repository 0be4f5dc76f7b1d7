package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The drill-down (issue #20) on one unit-year brought to N events: the first page of a cell at {@value #POINTS} random
 * (asOf, knownAt) points (goal: p99 ≤ 100 ms for a cell of 100,000 transactions at 1,000,000 events).
 *
 * <p>The unit has {@value #LINES} budget lines; line 0 alone is on subject 2140199, so that 公开03表's cell (2140199,
 * total) holds one payment in {@value #LINES}: 100,000 at 1,000,000 events. Then PAYs of 1.00 from random lines on
 * random dates, one in {@value #RARE_EVERY} on the economic code 30217 (公务接待费, a cell of few transactions among
 * many). Measured per cell: the first page (50 transactions) end to end over HTTP, and how many transactions the cell
 * holds at the year's end, all known (its amount: every payment is 1.00).
 */
final class DrillDownScale {

    static final String UNIT = "DRILL";
    private static final int LINES = 10;
    private static final int RARE_EVERY = 10_000;
    private static final int BATCH_SIZE = 2_000;
    /**
     * Points per cell: with 20 the p99 was the slowest ask, so that one ask at an unlucky point was the whole figure;
     * with 100 it is the second slowest, and the slowest is reported with its point.
     */
    private static final int POINTS = 100;
    /**
     * Asks of each cell before it is measured, at other random points: with {@code -Dbench.drillOnly} there is no
     * warm-up of the product before, and the first asks measure its JIT compiler.
     */
    private static final int WARM_UP_ASKS = 50;
    /** Subjects of the lines after line 0 (the catalog's, none of them 2140199). */
    private static final String[] OTHER_SUBJECTS = {"2010499", "2019999", "2080505", "2140106", "2140109", "2210201"};
    /** The cells measured: table, row, column. */
    private static final String[][] CELLS = {
            {"T03", "2140199", "total"},
            {"T05", "2140199", "total"},
            {"T01", "expenditure:44", "amount"},
            {"T09", "actual", "reception"},
            {"execution", "all:TOTAL", "executed"}};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirstPostAfterRestart.Requests product;
    private final Random random = new Random(2025);
    private final ArrayNode batch = JSON.createArrayNode();
    private long transactions;

    private DrillDownScale(FirstPostAfterRestart.Requests product) {
        this.product = product;
    }

    /** @param events the events to bring the unit's year to */
    static Map<String, Object> measure(FirstPostAfterRestart.Requests product, long events) throws Exception {
        return new DrillDownScale(product).run(events);
    }

    private Map<String, Object> run(long events) throws Exception {
        Instant firstKnown = Instant.now();
        long started = System.nanoTime();
        product.send("POST", "/api/v1/units", "{\"code\":\"" + UNIT + "\",\"name\":\"穿透查询单位\"}");
        for (int line = 0; line < LINES; line++) {
            String subject = line == 0 ? "2140199" : OTHER_SUBJECTS[(line - 1) % OTHER_SUBJECTS.length];
            ObjectNode appropriation = item("a" + line, "APPROPRIATE").put("fund", "GENERAL_BUDGET").put("subject", subject)
                    .put("kind", line % 2 == 0 ? "BASIC" : "PROJECT").put("amount", "100000000.00");
            if (line % 2 == 1) {
                appropriation.put("project", "项目" + line);
            }
        }
        // 公务接待费 is paid from fiscal money against its 三公 limit
        item("l1", "SET_LIMIT").put("category", "RECEPTION").put("amount", "100000000.00");
        ScaleBatches.post(product, batch, "drill-down");
        long posted = LINES + 1;
        while (posted < events) {
            String date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)).toString();
            item("d" + transactions, "PAY").put("date", date).put("line", UNIT + "-a" + random.nextInt(LINES))
                    .put("economic", transactions % RARE_EVERY == 0 ? "30217" : "30201").put("amount", "1.00");
            posted++;
            if (batch.size() >= BATCH_SIZE) {
                ScaleBatches.post(product, batch, "drill-down");
                if (transactions % (BATCH_SIZE * 50L) < BATCH_SIZE) {
                    System.out.printf("drill-down: %,d of %,d events (%.0f s)%n", posted, events, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        ScaleBatches.post(product, batch, "drill-down");
        long postingSeconds = Math.round((System.nanoTime() - started) / 1e9);
        long last = product.send("GET", "/api/v1/audit/digest", null).path("sequence").asLong();
        ScaleBatches.awaitApplied(product, UNIT, last);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("unit", UNIT);
        result.put("events", posted);
        result.put("postingSeconds", postingSeconds);
        result.put("cells", cells(firstKnown));
        return result;
    }

    /** Each cell's first page at random (asOf, knownAt) points, after {@value #WARM_UP_ASKS} warm-up asks each. */
    private Map<String, Object> cells(Instant firstKnown) throws Exception {
        long fromMillis = firstKnown.toEpochMilli();
        long toMillis = System.currentTimeMillis();
        Map<String, Object> perCell = new LinkedHashMap<>();
        for (String[] cell : CELLS) {
            String path = "/api/v1/reports/" + UNIT + "/2023/" + cell[0] + "/cells?scope=unit&row=" + cell[1] + "&column=" + cell[2];
            JsonNode yearEnd = product.send("GET", path, null);
            if (!yearEnd.has("cell")) {
                throw new IllegalStateException(path + " answered " + yearEnd);
            }
            for (int ask = 0; ask < WARM_UP_ASKS; ask++) {
                product.send("GET", path + "&asOf=" + LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)) + "&knownAt="
                        + Instant.ofEpochMilli(fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis))), null);
            }
            List<Long> micros = new ArrayList<>();
            Map<String, Object> slowest = new LinkedHashMap<>();
            for (int point = 0; point < POINTS; point++) {
                LocalDate asOf = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                Instant knownAt = Instant.ofEpochMilli(fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis)));
                long started = System.nanoTime();
                JsonNode answer = product.send("GET", path + "&asOf=" + asOf + "&knownAt=" + knownAt, null);
                long took = (System.nanoTime() - started) / 1_000;
                if (!answer.has("transactions")) {
                    throw new IllegalStateException(path + " answered " + answer);
                }
                if (micros.stream().allMatch(other -> other < took)) {
                    slowest.put("millis", took / 1000.0);
                    slowest.put("asOf", asOf.toString());
                    slowest.put("knownAt", knownAt.toString());
                    // how far into the unit's recording the point is: early, few of its facts are known
                    slowest.put("knownAtSecondsIntoRecording", (knownAt.toEpochMilli() - fromMillis) / 1000.0);
                    slowest.put("transactionsOnPage", answer.path("transactions").size());
                }
                micros.add(took);
            }
            micros.sort(Long::compare);
            Map<String, Object> measured = new LinkedHashMap<>();
            // every payment is 1.00 元: the amount of an expenditure cell is its count of transactions at the year's end
            measured.put("transactionsAtYearEnd", new BigDecimal(yearEnd.path("cell").asText()).longValue());
            measured.put("p50Millis", micros.get(micros.size() / 2) / 1000.0);
            measured.put("p99Millis", micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0);
            measured.put("asks", micros.size());
            measured.put("slowestAsk", slowest);
            perCell.put(cell[0] + " " + cell[1] + " " + cell[2], measured);
        }
        return perCell;
    }

    private ObjectNode item(String id, String type) {
        transactions++;
        return batch.addObject().put("id", UNIT + "-" + id).put("unit", UNIT).put("year", 2023).put("type", type)
                .put("date", "2023-01-01");
    }


}
