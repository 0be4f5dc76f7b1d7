package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A department of {@value #UNITS} units (SPEC §13) brought to N events in one year, then every consolidated
 * table of its top unit at {@value #POINTS} random (asOf, knownAt) points (goal: p99 ≤ 100 ms at 2,000,000
 * events).
 *
 * <p>The tree: the top unit, {@value #MIDDLES} units under it, the rest under those. Every unit gets
 * {@value #LINES} budget lines; line 0 of the top and of each middle unit is a 对附属单位补助 line, line 0 of
 * the others a 上缴上级 line, both of non-fiscal money the unit received first. Then PAYs of 1.00 from random lines of random units; one transaction in
 * {@value #SUBSIDY_EVERY} is a subsidy from a unit to one of its children, posted with the child's receipt
 * of it (two events, agreeing), and one in {@value #REMITTANCE_EVERY} a remittance from a unit to its parent
 * with the parent's receipt: the internal flows a consolidation leaves out. One payment in {@value #PROCUREMENT_EVERY}
 * is a 政府采购 (SPEC §15), and the top unit has a profile.
 *
 * <p>Then the department's publication (SPEC §15: the nine consolidated tables of the year and of last year, the
 * disclosure sums, the narrative, rendered; goal ≤ 2 s at 2,000,000 events) at {@value #PUBLICATION_POINTS} random
 * points, as HTML and as DOCX.
 */
final class DepartmentScale {

    static final String TOP = "DEPT";
    static final int UNITS = 200;
    private static final int MIDDLES = 9;
    private static final int LINES = 10;
    private static final int SUBSIDY_EVERY = 50;
    private static final int REMITTANCE_EVERY = 200;
    private static final int BATCH_SIZE = 2_000;
    private static final int POINTS = 20;
    private static final int PROCUREMENT_EVERY = 20;
    private static final int PUBLICATION_POINTS = 10;
    private static final String[] TABLES = {"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "execution", "checks"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirstPostAfterRestart.Requests product;
    private final List<String> units = new ArrayList<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Random random = new Random(2024);
    private final ArrayNode batch = JSON.createArrayNode();
    private long transactions;

    private DepartmentScale(FirstPostAfterRestart.Requests product) {
        this.product = product;
    }

    /** @param events the events to bring the department's year to */
    static Map<String, Object> measure(FirstPostAfterRestart.Requests product, long events) throws Exception {
        return new DepartmentScale(product).run(events);
    }

    /** The points' knownAt lie between the first registration and the end of posting. */
    private Map<String, Object> run(long events) throws Exception {
        Instant firstKnown = Instant.now();
        long started = System.nanoTime();
        register();
        long posted = appropriate();
        while (posted < events) {
            posted += postOne();
            if (batch.size() >= BATCH_SIZE) {
                ScaleBatches.post(product, batch, "department");
                if (transactions % (BATCH_SIZE * 50L) < BATCH_SIZE) {
                    System.out.printf("department: %,d of %,d events (%.0f s)%n", posted, events, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        ScaleBatches.post(product, batch, "department");
        long postingSeconds = Math.round((System.nanoTime() - started) / 1e9);
        long last = product.send("GET", "/api/v1/audit/digest", null).path("sequence").asLong();
        ScaleBatches.awaitApplied(product, TOP, last);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("units", units.size());
        result.put("events", posted);
        result.put("postingSeconds", postingSeconds);
        result.put("tables", tables(firstKnown));
        result.put("publication", publication(firstKnown));
        return result;
    }

    private void register() throws Exception {
        unit(TOP, null, "ADMINISTRATIVE");
        for (int middle = 1; middle <= MIDDLES; middle++) {
            unit(TOP + "-M" + middle, TOP, "PUBLIC_SERVICE_1");
        }
        for (int leaf = 0; units.size() < UNITS; leaf++) {
            unit(TOP + "-M" + (leaf % MIDDLES + 1) + "-S" + (leaf / MIDDLES + 1), TOP + "-M" + (leaf % MIDDLES + 1), "PUBLIC_SERVICE_2");
        }
    }

    private void unit(String code, String parent, String type) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("name", "单位 " + code).put("type", type);
        if (parent != null) {
            body.put("parent", parent);
        }
        JsonNode answer = product.send("POST", "/api/v1/units", body.toString());
        if (!code.equals(answer.path("code").asText())) {
            throw new IllegalStateException("registering " + code + " answered " + answer);
        }
        units.add(code);
        parents.put(code, parent);
    }

    private long appropriate() throws Exception {
        for (String unit : units) {
            // line 0 spends non-fiscal money (a subsidy or a remittance is never fiscal), received first
            item(unit, unit + "-r0", "RECEIVE", "2023-01-01").put("fund", "OTHER").put("subject", "2140199")
                    .put("amount", "100000000.00");
            for (int line = 0; line < LINES; line++) {
                String kind = line > 0 ? (line % 2 == 0 ? "BASIC" : "PROJECT") : isLeaf(unit) ? "REMIT_SUPERIOR" : "SUBSIDY_AFFILIATE";
                ObjectNode item = item(unit, unit + "-a" + line, "APPROPRIATE", "2023-01-01")
                        .put("fund", line == 0 ? "OTHER" : "GENERAL_BUDGET")
                        .put("subject", "2140199").put("kind", kind).put("amount", "100000000.00");
                if ("PROJECT".equals(kind)) {
                    item.put("project", "项目" + line);
                }
            }
        }
        ScaleBatches.post(product, batch, "department");
        JsonNode profile = product.send("PUT", "/api/v1/units/" + TOP + "/years/2023/profile",
                "{\"functions\":\"部门职责\",\"assets\":{\"vehicles\":{\"total\":3,\"byType\":{\"OTHER\":3}},\"equipmentOver1m\":2}}");
        if (!profile.has("sequence")) {
            throw new IllegalStateException("the profile answered " + profile);
        }
        return (long) units.size() * (LINES + 1) + 1;
    }

    /** One transaction, or an internal flow with its receipt: the events it adds. */
    private int postOne() {
        String date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)).toString();
        if (transactions % SUBSIDY_EVERY == 0) {
            String payer = units.get(random.nextInt(1 + MIDDLES));
            String child = childOf(payer);
            pay(payer, 0, date).put("counterparty", child);
            item(child, "d" + transactions, "RECEIVE", date).put("fund", "SUPERIOR_SUBSIDY").put("subject", "2140199").put("amount", "1.00")
                    .put("counterparty", payer);
            return 2;
        }
        if (transactions % REMITTANCE_EVERY == 1) {
            String payer = units.get(1 + MIDDLES + random.nextInt(units.size() - 1 - MIDDLES));
            String parent = parents.get(payer);
            pay(payer, 0, date).put("counterparty", parent);
            item(parent, "d" + transactions, "RECEIVE", date).put("fund", "AFFILIATE").put("subject", "2140199").put("amount", "1.00")
                    .put("counterparty", payer);
            return 2;
        }
        ObjectNode payment = pay(units.get(random.nextInt(units.size())), 1 + random.nextInt(LINES - 1), date);
        if (transactions % PROCUREMENT_EVERY == 2) {
            payment.putObject("procurement").put("category", "SERVICES").put("award", random.nextBoolean() ? "SME" : "NONE");
        }
        return 1;
    }

    private ObjectNode pay(String unit, int line, String date) {
        return item(unit, "d" + transactions, "PAY", date).put("line", unit + "-a" + line)
                .put("economic", line == 0 ? "39999" : "30201").put("amount", "1.00");
    }

    private ObjectNode item(String unit, String id, String type, String date) {
        transactions++;
        return batch.addObject().put("id", id).put("unit", unit).put("year", 2023).put("type", type).put("date", date);
    }

    private boolean isLeaf(String unit) {
        return !parents.containsValue(unit);
    }

    private String childOf(String unit) {
        List<String> children = parents.entrySet().stream().filter(entry -> unit.equals(entry.getValue())).map(Map.Entry::getKey).toList();
        return children.get(random.nextInt(children.size()));
    }



    /**
     * The department's publication as HTML and as DOCX at random (asOf, knownAt) points, after one warm-up ask each: the
     * seconds each took, and its size. The HTML answer is text, the DOCX bytes: both are read whole, none is parsed.
     */
    private Map<String, Object> publication(Instant runStarted) throws Exception {
        long fromMillis = runStarted.toEpochMilli();
        long toMillis = System.currentTimeMillis();
        Map<String, Object> perFormat = new LinkedHashMap<>();
        for (String format : List.of("html", "docx")) {
            String path = "/api/v1/publications/" + TOP + "/2023?scope=department&format=" + format;
            product.send("GET", path, null);
            List<Long> micros = new ArrayList<>();
            for (int point = 0; point < PUBLICATION_POINTS; point++) {
                LocalDate asOf = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                Instant knownAt = Instant.ofEpochMilli(fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis)));
                long started = System.nanoTime();
                JsonNode answer = product.send("GET", path + "&asOf=" + asOf + "&knownAt=" + knownAt, null);
                micros.add((System.nanoTime() - started) / 1_000);
                if (answer.has("code")) {
                    throw new IllegalStateException("the publication (" + format + ") answered " + answer);
                }
            }
            micros.sort(Long::compare);
            perFormat.put(format, Map.of("p50Millis", micros.get(micros.size() / 2) / 1000.0,
                    "maxMillis", micros.get(micros.size() - 1) / 1000.0, "goalMillis", 2000));
        }
        return perFormat;
    }

    /** Each consolidated table of the top unit at random (asOf, knownAt) points, after one warm-up ask each. */
    private Map<String, Object> tables(Instant runStarted) throws Exception {
        long fromMillis = runStarted.toEpochMilli();
        long toMillis = System.currentTimeMillis();
        for (String table : TABLES) {
            product.send("GET", "/api/v1/reports/" + TOP + "/2023/" + table + "?scope=department", null);
        }
        Map<String, Object> perTable = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Long> micros = new ArrayList<>();
            for (int point = 0; point < POINTS; point++) {
                LocalDate asOf = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                Instant knownAt = Instant.ofEpochMilli(fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis)));
                long started = System.nanoTime();
                JsonNode answer = product.send("GET", "/api/v1/reports/" + TOP + "/2023/" + table + "?scope=department&asOf=" + asOf
                        + "&knownAt=" + knownAt, null);
                micros.add((System.nanoTime() - started) / 1_000);
                if (answer.has("code")) {
                    throw new IllegalStateException(table + " answered " + answer);
                }
            }
            micros.sort(Long::compare);
            perTable.put(table, Map.of("p50Millis", micros.get(micros.size() / 2) / 1000.0,
                    "p99Millis", micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0));
        }
        return perTable;
    }
}
