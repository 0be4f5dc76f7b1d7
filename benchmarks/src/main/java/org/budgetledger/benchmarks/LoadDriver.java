package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.budgetledger.embedded.EmbeddedPostgresServer;
import org.budgetledger.contracts.wire.TopicHistory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures the standalone product as a user runs it (its jar, in a process of its own, on its embedded
 * PostgreSQL and Kafka) beside raw baselines on the same machine, in one run, with data generated from a
 * fixed seed. Writes {@code benchmarks/results/<date>.json} and prints a table for BENCHMARKS.md.
 *
 * <p>Measured: cold start to ready; batch posting against raw batched JDBC inserts and against the design's
 * own rows written raw ({@link WriteFloor}); single POSTs from 32 concurrent clients; freshness at a steady
 * 1,000 tx/s; report latency at random (asOf, knownAt) points (on 1,000,000 events with
 * {@code -Dbench.scaleEvents}); a replay against a bare consumer; heap after the load; with
 * {@code -Dbench.scaleEvents}, the first POST to the big unit-year after a restart of the product.
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNITS = 20;
    /**
     * The measured batch phase: {@code -Dbench.batches} batches of {@value #BATCH_SIZE} (default 50, about ten seconds);
     * 10 before session 11, which measured two seconds, where the same code moved by a third between runs.
     */
    private static final int BATCHES = Integer.getInteger("bench.batches", 50);
    private static final int BATCH_SIZE = 2_000;
    /**
     * Load before the measurements, for at least {@code -Dbench.warmUpSeconds} (default 180): the JIT compiler
     * takes about half of the product's CPU in its first minutes (async-profiler), which a running service
     * does not pay. 0 measures right after start.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 180));
    private static final int WARM_UP_BATCHES = 5;
    private static final int WARM_UP_SINGLE_POSTS_PER_CLIENT = 50;
    private static final String[] REPORT_TABLES = {"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "execution"};
    private static final int REPORT_POINTS = 20;
    private static final int SINGLE_CLIENTS = 32;
    /** The measured single-POST phase: {@code -Dbench.singlePostsPerClient} each (default 2,000, about twenty seconds; 200 before session 11). */
    private static final int SINGLE_POSTS_PER_CLIENT = Integer.getInteger("bench.singlePostsPerClient", 2_000);
    /** Freshness: the target rate, sent as a batch of this many every (size / rate) seconds, for this long. */
    private static final int FRESHNESS_RATE_PER_SECOND = 1_000;
    private static final int FRESHNESS_BATCH = 50;
    private static final Duration FRESHNESS_DURATION = Duration.ofSeconds(20);
    private static final String TOPIC = "budget-ledger.events";
    /**
     * With {@code -Dbench.scaleEvents=N} (N > 0), one more unit-year is brought to N events before the reports
     * are measured on it alone, and the replay reads them all: the "1,000,000 events" figures. Takes long.
     */
    private static final long SCALE_EVENTS = Long.getLong("bench.scaleEvents", 0);
    private static final String SCALE_UNIT = "BIG";
    /** With {@code -Dbench.departmentEvents=N} (N > 0), a department of 200 units is brought to N events at the end ({@link DepartmentScale}). */
    private static final long DEPARTMENT_EVENTS = Long.getLong("bench.departmentEvents", 0);
    /** With {@code -Dbench.drillEvents=N} (N > 0), a unit-year is brought to N events and cells drilled into at the end ({@link DrillDownScale}). */
    private static final long DRILL_EVENTS = Long.getLong("bench.drillEvents", 0);
    /** With {@code -Dbench.drillOnly=true}, the drill-down alone is measured (after start, no warm-up, no other figure). */
    private static final boolean DRILL_ONLY = Boolean.getBoolean("bench.drillOnly");
    /**
     * With {@code -Dbench.departmentOnly=true} (and {@code bench.departmentEvents}), only the department and its
     * publication are measured: no warm-up, no posting, report or replay phases (a small check of them, or a run of the
     * department figures alone).
     */
    private static final boolean DEPARTMENT_ONLY = Boolean.getBoolean("bench.departmentOnly");

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final java.time.Instant runStarted = java.time.Instant.now();
    private ProductProcess product;
    private PhaseProfiler profiler;
    private Path repository;

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new LoadDriver().run(repository);
    }

    private void run(Path repository) throws Exception {
        this.repository = repository;
        Path data = Files.createTempDirectory("budget-ledger-bench-");
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "memoryGiB", Math.round(totalMemoryGiB()), "java", System.getProperty("java.version")));
        long startNanos = System.nanoTime();
        product = new ProductProcess(repository, data);
        try {
            product.start();
            profiler = new PhaseProfiler(product.handle(), repository);
            results.put("coldStartMillis", (System.nanoTime() - startNanos) / 1_000_000);
            if (DRILL_ONLY) {
                results.put("drillDown", DrillDownScale.measure(product::send, DRILL_EVENTS));
            } else {
                measureAll(data);
            }
        } finally {
            product.stop();
            // the product's log is kept; its data (hundreds of MB after a scale run) is not
            Path log = repository.resolve("benchmarks/target/product.log");
            Files.createDirectories(log.getParent());
            Files.copy(data.resolve("product.log"), log, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Path output = repository.resolve("benchmarks/results/" + LocalDate.now()
                + (SCALE_EVENTS > 0 ? "-scale-" + SCALE_EVENTS : "") + (DEPARTMENT_EVENTS > 0 ? "-department-" + DEPARTMENT_EVENTS : "")
                + (DRILL_EVENTS > 0 ? "-drill-" + DRILL_EVENTS : "") + ".json");
        Files.createDirectories(output.getParent());
        Files.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("written to " + output);
    }

    /** Every figure but the cold start, in order (the scale, department and drill-down figures when asked for). */
    private void measureAll(Path data) throws Exception {
        if (!DEPARTMENT_ONLY) {
            warmUp();
            List<BudgetLine> lines = batchPosting(data);
            singlePosting(lines);
            freshness(lines);
            List<String> reportUnits = SCALE_EVENTS > 0 ? List.of(scaleUp()) : units();
            reports(reportUnits);
            replay(data);
            results.put("heapUsedMiB", heapUsedMiB());
            results.put("heapUsedAfterGcMiB", heapUsedAfterGcMiB(product.handle().pid()));
        }
        if (SCALE_EVENTS > 0 && !DEPARTMENT_ONLY) {
            results.put("firstPostAfterRestart", FirstPostAfterRestart.measure(product::send,
                    this::restart, () -> postgres(data), SCALE_UNIT, units().get(0)));
        }
        if (DEPARTMENT_EVENTS > 0) {
            results.put("department", DepartmentScale.measure(product::send, DEPARTMENT_EVENTS));
        }
        if (DRILL_EVENTS > 0) {
            results.put("drillDown", DrillDownScale.measure(product::send, DRILL_EVENTS));
        }
    }

    /** Stops the product as Ctrl-C does and starts it again on the same data: milliseconds until it is ready. */
    private long restart() throws Exception {
        long millis = product.restart();
        profiler = new PhaseProfiler(product.handle(), repository);
        return millis;
    }

    /**
     * Brings the product's JIT-compiled code to a steady state, as in a service that has been running: batches
     * and single POSTs on units of their own, the same kinds as measured afterwards, not measured themselves, and
     * the same requests between them: the wait for the projection after the batches ({@link #awaitApplied}, a report
     * with a query string). Without that wait the first query string came after the batch phase: it sent the
     * compiled code of Tomcat's request line parsing and about ten other methods back to the interpreter
     * (-XX:+PrintCompilation: "made not entrant"), and the single-POST phase right after compiled them again.
     */
    private void warmUp() throws Exception {
        long started = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - started < WARM_UP.toNanos()) {
            Posted posted = postBatches("W" + rounds + "-", WARM_UP_BATCHES, new Random(43 + rounds));
            for (Map.Entry<String, Long> last : posted.lastSequences().entrySet()) {
                awaitApplied(last.getKey(), last.getValue());
            }
            postSingles(posted.lines(), "ws" + rounds + "-", WARM_UP_SINGLE_POSTS_PER_CLIENT);
            for (String table : REPORT_TABLES) {
                product.send("GET", "/api/v1/reports/W" + rounds + "-0/2023/" + table, null);
            }
            rounds++;
        }
        results.put("warmUp", Map.of("seconds", Math.round((System.nanoTime() - started) / 1e9),
                "batchTransactions", rounds * WARM_UP_BATCHES * BATCH_SIZE,
                "singlePosts", rounds * WARM_UP_SINGLE_POSTS_PER_CLIENT * SINGLE_CLIENTS));
    }

    /**
     * Mixed APPROPRIATE / PAY / COMMIT / PAY under a commitment / ADJUST through the batch endpoint, against raw
     * batched INSERTs of the same count.
     */
    private List<BudgetLine> batchPosting(Path data) throws Exception {
        CpuTimes cpuBefore = CpuTimes.now(product.handle());
        Posted posted;
        Map<String, Double> threadCores;
        profiler.start();
        try (ThreadCpu threads = new ThreadCpu(product.handle())) {
            posted = postBatches("B", BATCHES, new Random(42));
            threadCores = threads.cores();
        }
        CpuTimes cpuAfter = CpuTimes.now(product.handle());
        profiler.stop("batch");
        long cpuPerTransactionMicros = (cpuAfter.productMillis() - cpuBefore.productMillis()) * 1000 / posted.accepted();
        double postedPerSecond = posted.accepted() / (posted.nanos() / 1e9);
        // the baselines run once the projection has caught up, so that it does not share the database with them
        for (Map.Entry<String, Long> last : posted.lastSequences().entrySet()) {
            awaitApplied(last.getKey(), last.getValue());
        }
        double rawPerSecond;
        double floorPerSecond;
        try (Connection connection = postgres(data)) {
            rawPerSecond = rawInserts(connection, BATCHES * BATCH_SIZE);
            floorPerSecond = WriteFloor.transactionsPerSecond(connection, BATCHES * BATCH_SIZE, BATCH_SIZE);
        }
        results.put("batchPosting", Map.of("accepted", posted.accepted(), "transactionsPerSecond", Math.round(postedPerSecond),
                "rawInsertRowsPerSecond", Math.round(rawPerSecond), "ratio", ratio(postedPerSecond, rawPerSecond),
                "designRowsTransactionsPerSecond", Math.round(floorPerSecond), "designRowsRatio", ratio(floorPerSecond, rawPerSecond),
                "ratioToDesignRows", ratio(postedPerSecond, floorPerSecond), "productCpuMicrosPerTransaction", cpuPerTransactionMicros,
                "cpu", cpuAfter.coresSince(cpuBefore, posted.nanos() / 1e9), "productThreadCores", threadCores));
        return posted.lines();
    }

    /**
     * Transactions posted in batches: the lines they created, how many were accepted, the time spent posting,
     * and each unit's last sequence.
     */
    private record Posted(List<BudgetLine> lines, long accepted, long nanos, Map<String, Long> lastSequences) {
    }

    /**
     * {@value #UNITS} units named {@code unitPrefix0…}, then batches of {@value #BATCH_SIZE} mixed transactions: of ten,
     * two appropriations, five payments, a commitment (SPEC §14) of a line, a payment under a commitment made
     * earlier and an adjustment (before issue #19: seven payments, no commitments).
     */
    private Posted postBatches(String unitPrefix, int batches, Random random) throws Exception {
        for (int unit = 0; unit < UNITS; unit++) {
            product.send("POST", "/api/v1/units", "{\"code\":\"" + unitPrefix + unit + "\",\"name\":\"基准单位" + unit + "\"}");
        }
        String idPrefix = unitPrefix.toLowerCase();
        List<BudgetLine> lines = new ArrayList<>();
        // the commitments' ids, each with its line (a commitment refused for want of money is paid under all the same:
        // those payments are refused too, as a client's would be)
        List<Commitment> commitments = new ArrayList<>();
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        long transactions = 0;
        long postingNanos = 0;
        for (int batch = 0; batch < batches; batch++) {
            ArrayNode items = JSON.createArrayNode();
            for (int n = 0; n < BATCH_SIZE; n++) {
                String id = idPrefix + batch + "-" + n;
                String unit = unitPrefix + random.nextInt(UNITS);
                ObjectNode item = items.addObject().put("id", id).put("unit", unit).put("year", 2023);
                int choice = lines.isEmpty() ? 0 : random.nextInt(10);
                if (choice < 2) {
                    item.put("type", "APPROPRIATE").put("date", "2023-01-10").put("fund", "GENERAL_BUDGET")
                            .put("subject", "2140199").put("kind", "BASIC").put("amount", "100000.00");
                    lines.add(new BudgetLine(unit, id));
                } else {
                    BudgetLine line = lines.get(random.nextInt(lines.size()));
                    item.put("unit", line.unit());
                    if (choice < 7) {
                        item.put("type", "PAY").put("date", "2023-06-10").put("line", line.id())
                                .put("economic", "30201").put("amount", (1 + random.nextInt(100)) + ".00");
                    } else if (choice == 7) {
                        item.put("type", "COMMIT").put("date", "2023-03-01").put("line", line.id())
                                .put("amount", "3000.00").put("contract", "HT-" + id);
                        item.putArray("schedule").addObject().put("date", "2023-06-30").put("amount", "1000.00");
                        ((ArrayNode) item.get("schedule")).addObject().put("date", "2023-12-20").put("amount", "2000.00");
                        commitments.add(new Commitment(line.unit(), id, line.id()));
                    } else if (choice == 8 && !commitments.isEmpty()) {
                        Commitment commitment = commitments.get(random.nextInt(commitments.size()));
                        item.put("unit", commitment.unit()).put("type", "PAY").put("date", "2023-06-10")
                                .put("line", commitment.line()).put("economic", "30201")
                                .put("amount", (1 + random.nextInt(100)) + ".00").put("commitment", commitment.id());
                    } else if (choice == 8) {
                        item.put("type", "PAY").put("date", "2023-06-10").put("line", line.id())
                                .put("economic", "30201").put("amount", (1 + random.nextInt(100)) + ".00");
                    } else {
                        item.put("type", "ADJUST").put("date", "2023-06-30").put("line", line.id())
                                .put("amount", "10.00").put("reason", "追加");
                    }
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("transactions", items);
            long started = System.nanoTime();
            JsonNode answer = product.send("POST", "/api/v1/transactions:batch", body.toString());
            postingNanos += System.nanoTime() - started;
            JsonNode results = answer.path("results");
            for (int index = 0; index < results.size(); index++) {
                JsonNode result = results.get(index);
                if (result.path("status").asInt() == 201) {
                    transactions++;
                    JsonNode sequence = result.path("result").path("sequence");
                    lastSequences.merge(items.get(index).path("unit").asText(), sequence.get(sequence.size() - 1).asLong(), Math::max);
                }
            }
        }
        return new Posted(lines, transactions, postingNanos, lastSequences);
    }

    /** {@value #SINGLE_CLIENTS} clients each posting single PAYs of 1.00 against the lines above, back to back. */
    private void singlePosting(List<BudgetLine> lines) throws Exception {
        CpuTimes cpuBefore = CpuTimes.now(product.handle());
        long started = System.nanoTime();
        SinglePosts posts;
        Map<String, Double> threadCores;
        profiler.start();
        try (ThreadCpu threads = new ThreadCpu(product.handle())) {
            posts = postSingles(lines, "s", SINGLE_POSTS_PER_CLIENT);
            threadCores = threads.cores();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTimes cpuAfter = CpuTimes.now(product.handle());
        profiler.stop("single");
        long cpuMillis = cpuAfter.productMillis() - cpuBefore.productMillis();
        List<Long> micros = posts.micros();
        results.put("singlePosting", Map.of("clients", SINGLE_CLIENTS, "posts", micros.size(), "accepted", posts.accepted(),
                "transactionsPerSecond", Math.round(micros.size() / seconds),
                "p50Millis", percentile(micros, 0.50) / 1000.0, "p99Millis", percentile(micros, 0.99) / 1000.0,
                "productCpuMicrosPerTransaction", cpuMillis * 1000 / micros.size(),
                "cpu", cpuAfter.coresSince(cpuBefore, seconds), "productThreadCores", threadCores));
    }

    /** Single POSTs answered: each one's time in microseconds, sorted, and how many were accepted. */
    private record SinglePosts(List<Long> micros, long accepted) {
    }

    private SinglePosts postSingles(List<BudgetLine> lines, String idPrefix, int postsPerClient) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(SINGLE_CLIENTS);
        List<Future<List<Long>>> perClient = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        for (int client = 0; client < SINGLE_CLIENTS; client++) {
            int clientNumber = client;
            perClient.add(clients.submit(() -> {
                Random random = new Random(clientNumber);
                List<Long> micros = new ArrayList<>();
                for (int n = 0; n < postsPerClient; n++) {
                    BudgetLine line = lines.get(random.nextInt(lines.size()));
                    String body = JSON.createObjectNode().put("id", idPrefix + clientNumber + "-" + n).put("type", "PAY")
                            .put("unit", line.unit()).put("year", 2023).put("date", "2023-07-01")
                            .put("line", line.id()).put("economic", "30201")
                            .put("amount", "1.00").toString();
                    long postStarted = System.nanoTime();
                    JsonNode answer = product.send("POST", "/api/v1/transactions", body);
                    micros.add((System.nanoTime() - postStarted) / 1_000);
                    if ("ACCEPTED".equals(answer.path("status").asText())) {
                        accepted.incrementAndGet();
                    }
                }
                return micros;
            }));
        }
        List<Long> micros = new ArrayList<>();
        for (Future<List<Long>> client : perClient) {
            micros.addAll(client.get());
        }
        clients.shutdown();
        micros.sort(Long::compare);
        return new SinglePosts(micros, accepted.get());
    }

    /**
     * PAYs at a steady {@value #FRESHNESS_RATE_PER_SECOND}/s (batches of {@value #FRESHNESS_BATCH} on a fixed
     * schedule); for each batch, the time from its answer to the answer of a report asked with the last
     * item's sequence as {@code minSequence} (the report waits until the projection has applied it).
     */
    private void freshness(List<BudgetLine> lines) throws Exception {
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        ExecutorService probes = Executors.newFixedThreadPool(4);
        List<Future<Long>> lags = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong batchNumber = new AtomicLong();
        Random random = new Random(7);
        long periodMicros = 1_000_000L * FRESHNESS_BATCH / FRESHNESS_RATE_PER_SECOND;
        long started = System.nanoTime();
        ScheduledFuture<?> schedule = sender.scheduleAtFixedRate(() -> {
            try {
                long batch = batchNumber.getAndIncrement();
                BudgetLine line = lines.get(random.nextInt(lines.size()));
                ArrayNode items = JSON.createArrayNode();
                for (int n = 0; n < FRESHNESS_BATCH; n++) {
                    items.addObject().put("id", "f" + batch + "-" + n).put("type", "PAY").put("unit", line.unit())
                            .put("year", 2023).put("date", "2023-08-01").put("line", line.id()).put("economic", "30201")
                            .put("amount", "1.00");
                }
                ObjectNode body = JSON.createObjectNode();
                body.set("transactions", items);
                JsonNode answer = product.send("POST", "/api/v1/transactions:batch", body.toString());
                long answered = System.nanoTime();
                JsonNode results = answer.path("results");
                sent.addAndGet(results.size());
                JsonNode sequences = results.get(results.size() - 1).path("result").path("sequence");
                long sequence = sequences.get(sequences.size() - 1).asLong();
                lags.add(probes.submit(() -> {
                    awaitApplied(line.unit(), sequence);
                    return (System.nanoTime() - answered) / 1_000;
                }));
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(FRESHNESS_DURATION.toMillis());
        schedule.cancel(false);
        sender.shutdown();
        sender.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> micros = new ArrayList<>();
        for (Future<Long> lag : lags) {
            micros.add(lag.get());
        }
        probes.shutdown();
        micros.sort(Long::compare);
        results.put("freshness", Map.of("targetTransactionsPerSecond", FRESHNESS_RATE_PER_SECOND,
                "achievedTransactionsPerSecond", Math.round(sent.get() / seconds), "probes", micros.size(),
                "p50Millis", percentile(micros, 0.50) / 1000.0, "p99Millis", percentile(micros, 0.99) / 1000.0));
    }

    private static List<String> units() {
        List<String> units = new ArrayList<>();
        for (int unit = 0; unit < UNITS; unit++) {
            units.add("B" + unit);
        }
        return units;
    }

    /**
     * Brings one unit-year to {@link #SCALE_EVENTS} events: 100 appropriations, then PAYs of 1.00 spread over
     * the year, in batches of {@value #BATCH_SIZE}.
     */
    private String scaleUp() throws Exception {
        product.send("POST", "/api/v1/units", "{\"code\":\"" + SCALE_UNIT + "\",\"name\":\"百万事件单位\"}");
        Random random = new Random(99);
        long posted = 0;
        long started = System.nanoTime();
        for (int batch = 0; posted < SCALE_EVENTS; batch++) {
            ArrayNode items = JSON.createArrayNode();
            for (int n = 0; n < BATCH_SIZE && posted < SCALE_EVENTS; n++, posted++) {
                ObjectNode item = items.addObject().put("id", "big" + batch + "-" + n).put("unit", SCALE_UNIT).put("year", 2023);
                if (posted < 100) {
                    item.put("type", "APPROPRIATE").put("date", "2023-01-01").put("fund", "GENERAL_BUDGET")
                            .put("subject", "2140199").put("kind", "BASIC").put("amount", "100000000.00");
                } else {
                    item.put("type", "PAY").put("date", LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)).toString())
                            .put("line", "big0-" + random.nextInt(100)).put("economic", "30201").put("amount", "1.00");
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("transactions", items);
            product.send("POST", "/api/v1/transactions:batch", body.toString());
            if (batch % 50 == 0) {
                System.out.printf("scale: %,d of %,d events (%.0f s)%n", posted, SCALE_EVENTS, (System.nanoTime() - started) / 1e9);
            }
        }
        results.put("scale", Map.of("unit", SCALE_UNIT, "events", posted, "seconds", Math.round((System.nanoTime() - started) / 1e9)));
        // the reports are measured once the projection has applied everything
        long last = product.send("GET", "/api/v1/audit/digest", null).path("sequence").asLong();
        awaitApplied(SCALE_UNIT, last);
        return SCALE_UNIT;
    }

    /** Asks for a report that must reflect {@code sequence} (each ask waits up to 10 s) until one is answered. */
    private void awaitApplied(String unit, long sequence) throws Exception {
        while (true) {
            JsonNode answer = product.send("GET", "/api/v1/reports/" + unit + "/2023/T01?minSequence=" + sequence + "&wait=PT10S", null);
            if ("T01".equals(answer.path("table").asText())) {
                return;
            }
            if (!"NOT_YET_APPLIED".equals(answer.path("code").asText())) {
                throw new IllegalStateException("a report with minSequence answered " + answer);
            }
        }
    }

    /**
     * An audit replay of every stored event into a scratch read model, against the baseline: a bare
     * kafka-clients consumer reading the same topic from its first offset and doing nothing with it.
     */
    private void replay(Path data) throws Exception {
        CpuTimes cpuBefore = CpuTimes.now(product.handle());
        long started = System.nanoTime();
        JsonNode state;
        Map<String, Double> threadCores;
        try (ThreadCpu threads = new ThreadCpu(product.handle())) {
            JsonNode replay = product.send("POST", "/api/v1/audit/replays", "{}");
            do {
                Thread.sleep(100);
                state = product.send("GET", replay.path("url").asText(), null);
            } while ("RUNNING".equals(state.path("status").asText()));
            threadCores = threads.cores();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> cpu = CpuTimes.now(product.handle()).coresSince(cpuBefore, seconds);
        long events = state.path("processed").asLong();
        double replayedPerSecond = events / seconds;
        double consumedPerSecond = rawConsume(data);
        results.put("replay", Map.of("events", events, "status", state.path("status").asText(),
                "identical", state.path("identical").asBoolean(), "eventsPerSecond", Math.round(replayedPerSecond),
                "rawConsumeRecordsPerSecond", Math.round(consumedPerSecond),
                "ratio", Math.round(replayedPerSecond / consumedPerSecond * 1000) / 1000.0, "cpu", cpu,
                "productThreadCores", threadCores));
    }

    /** Records per second a consumer that does nothing reads from the event topic, first offset to last. */
    private static double rawConsume(Path data) throws Exception {
        Properties ports = ports(data);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.getProperty("kafka"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // the replay's consumer settings (TopicHistory), so that the baseline is the same reading doing nothing
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, TopicHistory.POLL_RECORDS_MAX);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicHistory.PARTITION_FETCH_BYTES);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long started = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1);
    }

    private static double ratio(double part, double whole) {
        return Math.round(part / whole * 1000) / 1000.0;
    }

    /** The product's embedded PostgreSQL, as its superuser (the baselines create their own tables). */
    static Connection postgres(Path data) throws Exception {
        Properties passwords = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
            passwords.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports(data).getProperty("postgres") + "/postgres",
                EmbeddedPostgresServer.SUPERUSER, passwords.getProperty(EmbeddedPostgresServer.SUPERUSER));
    }

    /** The loopback ports the standalone jar chose for its embedded servers. */
    static Properties ports(Path data) throws IOException {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("ports.properties"))) {
            ports.load(in);
        }
        return ports;
    }

    /** The baseline: rows of a similar size inserted with batched JDBC, one commit per batch, in the same PostgreSQL. */
    private static double rawInserts(Connection connection, int rows) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS public.bench_raw (id bigserial PRIMARY KEY, "
                    + "transaction_id text, payload bytea, recorded_at timestamptz DEFAULT now())");
        }
        connection.setAutoCommit(false);
        byte[] payload = new byte[400];
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO public.bench_raw (transaction_id, payload) VALUES (?, ?)")) {
            for (int row = 0; row < rows; row++) {
                insert.setString(1, "raw-" + row);
                insert.setBytes(2, payload);
                insert.addBatch();
                if ((row + 1) % BATCH_SIZE == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Each table of a busy unit-year at {@value #REPORT_POINTS} random (asOf, knownAt) points — knownAt
     * between the start of the run and now, so part of the history is taken away — after a warm-up: p50
     * and p99 in milliseconds per table.
     */
    private void reports(List<String> units) throws Exception {
        profiler.start();
        try {
            measureReports(units);
        } finally {
            profiler.stop("reports");
        }
    }

    private void measureReports(List<String> units) throws Exception {
        Random random = new Random(11);
        long fromMillis = runStarted.toEpochMilli();
        long toMillis = System.currentTimeMillis();
        for (String table : REPORT_TABLES) {
            product.send("GET", "/api/v1/reports/" + units.get(0) + "/2023/" + table, null); // warm-up
        }
        Map<String, Object> perTable = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        for (String table : REPORT_TABLES) {
            List<Long> micros = new ArrayList<>();
            for (int point = 0; point < REPORT_POINTS; point++) {
                LocalDate asOf = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                java.time.Instant knownAt = java.time.Instant.ofEpochMilli(fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis)));
                long started = System.nanoTime();
                product.send("GET", "/api/v1/reports/" + units.get(random.nextInt(units.size())) + "/2023/" + table + "?asOf=" + asOf
                        + "&knownAt=" + knownAt, null);
                micros.add((System.nanoTime() - started) / 1_000);
            }
            micros.sort(Long::compare);
            all.addAll(micros);
            perTable.put(table, Map.of("p50Millis", percentile(micros, 0.50) / 1000.0, "p99Millis", percentile(micros, 0.99) / 1000.0));
        }
        all.sort(Long::compare);
        results.put("reports", Map.of("units", units.size(), "pointsPerTable", REPORT_POINTS, "p50Millis", percentile(all, 0.50) / 1000.0,
                "p99Millis", percentile(all, 0.99) / 1000.0, "storedEvents", product.send("GET", "/api/v1/reports/freshness", null)
                        .path("sequence").asLong(), "perTable", perTable));
    }

    private long heapUsedMiB() throws Exception {
        JsonNode metric = product.send("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", null);
        return Math.round(metric.path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
    }

    /** What the load leaves live: a full collection in the product (jcmd from this JDK), then the same reading. */
    private long heapUsedAfterGcMiB(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (gc.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed");
        }
        return heapUsedMiB();
    }

    private static double totalMemoryGiB() {
        var bean = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return bean.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }

    /** A line appropriated during the run: its unit and its id (the APPROPRIATE transaction's id). */
    private record BudgetLine(String unit, String id) {
    }

    /** A commitment (SPEC §14) of a budget line. */
    private record Commitment(String unit, String id, String line) {
    }
}
