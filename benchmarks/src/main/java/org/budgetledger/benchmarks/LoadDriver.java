package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the standalone product as a user runs it (its jar, in a process of its own, on its embedded
 * PostgreSQL and Kafka) beside raw baselines on the same machine, in one run, with data generated from a
 * fixed seed. Writes {@code benchmarks/results/<date>.json} and prints a table for BENCHMARKS.md.
 *
 * <p>Measured so far: cold start to ready, batch posting against raw batched JDBC inserts, report latency at
 * the resulting volume, single POSTs from 32 concurrent clients, heap after the load. Freshness, replay and
 * 1M-event reports are not measured yet.
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNITS = 20;
    private static final int BATCHES = 10;
    private static final int BATCH_SIZE = 2_000;
    private static final int REPORT_SAMPLES = 40;
    private static final int SINGLE_CLIENTS = 32;
    private static final int SINGLE_POSTS_PER_CLIENT = 200;
    private static final String USER = "bench";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private int port;

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new LoadDriver().run(repository);
    }

    private void run(Path repository) throws Exception {
        Path jar = repository.resolve("standalone/target/budget-ledger.jar");
        Path data = Files.createTempDirectory("budget-ledger-bench-");
        port = freePort();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "memoryGiB", Math.round(totalMemoryGiB()), "java", System.getProperty("java.version")));
        long startNanos = System.nanoTime();
        Process product = new ProcessBuilder("java", "-jar", jar.toString(), "--budgetledger.data-dir=" + data,
                "--server.port=" + port, "--ledger.security.users." + USER + ".password={noop}" + USER,
                "--ledger.security.users." + USER + ".roles=ADMIN,CLERK,VIEWER,AUDITOR", "--ledger.security.users." + USER + ".units=*")
                .redirectOutput(data.resolve("product.log").toFile()).redirectErrorStream(true).start();
        try {
            awaitReady();
            results.put("coldStartMillis", (System.nanoTime() - startNanos) / 1_000_000);
            List<BudgetLine> lines = batchPosting(data);
            singlePosting(lines);
            reports();
            results.put("heapUsedMiB", heapUsedMiB());
            results.put("heapUsedAfterGcMiB", heapUsedAfterGcMiB(product.pid()));
        } finally {
            product.destroy();
            product.waitFor();
        }
        Path output = repository.resolve("benchmarks/results/" + LocalDate.now() + ".json");
        Files.createDirectories(output.getParent());
        Files.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("written to " + output);
    }

    /** Mixed APPROPRIATE / PAY / ADJUST through the batch endpoint, against raw batched INSERTs of the same count. */
    private List<BudgetLine> batchPosting(Path data) throws Exception {
        for (int unit = 0; unit < UNITS; unit++) {
            send("POST", "/api/v1/units", "{\"code\":\"B" + unit + "\",\"name\":\"基准单位" + unit + "\"}");
        }
        Random random = new Random(42);
        List<BudgetLine> lines = new ArrayList<>();
        long transactions = 0;
        long postingNanos = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            ArrayNode items = JSON.createArrayNode();
            for (int n = 0; n < BATCH_SIZE; n++) {
                String id = "b" + batch + "-" + n;
                String unit = "B" + random.nextInt(UNITS);
                ObjectNode item = items.addObject().put("id", id).put("unit", unit).put("year", 2023);
                int choice = lines.isEmpty() ? 0 : random.nextInt(10);
                if (choice < 2) {
                    item.put("type", "APPROPRIATE").put("date", "2023-01-10").put("fund", "GENERAL_BUDGET")
                            .put("subject", "2140199").put("kind", "BASIC").put("amount", "100000.00");
                    lines.add(new BudgetLine(unit, id));
                } else {
                    BudgetLine line = lines.get(random.nextInt(lines.size()));
                    item.put("unit", line.unit());
                    if (choice < 9) {
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
            JsonNode answer = send("POST", "/api/v1/transactions:batch", body.toString());
            postingNanos += System.nanoTime() - started;
            for (JsonNode result : answer.path("results")) {
                if (result.path("status").asInt() == 201) {
                    transactions++;
                }
            }
        }
        double postedPerSecond = transactions / (postingNanos / 1e9);
        double rawPerSecond = rawInserts(data, BATCHES * BATCH_SIZE);
        results.put("batchPosting", Map.of("accepted", transactions, "transactionsPerSecond", Math.round(postedPerSecond),
                "rawInsertRowsPerSecond", Math.round(rawPerSecond), "ratio", Math.round(postedPerSecond / rawPerSecond * 1000) / 1000.0));
        return lines;
    }

    /** {@value #SINGLE_CLIENTS} clients each posting single PAYs of 1.00 against the lines above, back to back. */
    private void singlePosting(List<BudgetLine> lines) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(SINGLE_CLIENTS);
        List<Future<List<Long>>> perClient = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        long started = System.nanoTime();
        for (int client = 0; client < SINGLE_CLIENTS; client++) {
            int clientNumber = client;
            perClient.add(clients.submit(() -> {
                Random random = new Random(clientNumber);
                List<Long> micros = new ArrayList<>();
                for (int n = 0; n < SINGLE_POSTS_PER_CLIENT; n++) {
                    BudgetLine line = lines.get(random.nextInt(lines.size()));
                    String body = JSON.createObjectNode().put("id", "s" + clientNumber + "-" + n).put("type", "PAY")
                            .put("unit", line.unit()).put("year", 2023).put("date", "2023-07-01")
                            .put("line", line.id()).put("economic", "30201")
                            .put("amount", "1.00").toString();
                    long postStarted = System.nanoTime();
                    JsonNode answer = send("POST", "/api/v1/transactions", body);
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
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        micros.sort(Long::compare);
        results.put("singlePosting", Map.of("clients", SINGLE_CLIENTS, "posts", micros.size(), "accepted", accepted.get(),
                "transactionsPerSecond", Math.round(micros.size() / seconds),
                "p50Millis", percentile(micros, 0.50) / 1000.0, "p99Millis", percentile(micros, 0.99) / 1000.0));
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1);
    }

    /** The baseline: rows of a similar size inserted with batched JDBC, one commit per batch, in the same PostgreSQL. */
    private static double rawInserts(Path data, int rows) throws Exception {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("ports.properties"))) {
            ports.load(in);
        }
        String url = "jdbc:postgresql://localhost:" + ports.getProperty("postgres") + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS public.bench_raw (id bigserial PRIMARY KEY, "
                    + "transaction_id text, payload bytea, recorded_at timestamptz DEFAULT now())");
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
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Every table of a busy unit-year, sampled: p50 and p99 in milliseconds. */
    private void reports() throws Exception {
        List<Long> millis = new ArrayList<>();
        String[] tables = {"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "execution"};
        for (int sample = 0; sample < REPORT_SAMPLES; sample++) {
            String table = tables[sample % tables.length];
            long started = System.nanoTime();
            send("GET", "/api/v1/reports/B" + (sample % UNITS) + "/2023/" + table
                    + String.format("?asOf=2023-%02d-28", 1 + sample % 12), null);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        millis.sort(Long::compare);
        results.put("reports", Map.of("samples", millis.size(), "p50Millis", percentile(millis, 0.50),
                "p99Millis", percentile(millis, 0.99)));
    }

    private long heapUsedMiB() throws Exception {
        JsonNode metric = send("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", null);
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

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the product did not become ready within 3 minutes");
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double totalMemoryGiB() {
        var bean = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return bean.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }

    /** A line appropriated during the run: its unit and its id (the APPROPRIATE transaction's id). */
    private record BudgetLine(String unit, String id) {
    }
}
