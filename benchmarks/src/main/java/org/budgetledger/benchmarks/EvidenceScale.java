package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.embedded.EmbeddedPostgresServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * SPEC §16 at scale (issue #22): the signed digest and the inclusion proof at {@code -Dbench.evidenceEvents} events
 * (goal at 10,000,000: digest p99 ≤ 5 ms, inclusion proof p99 ≤ 20 ms), and the append path before and after (its
 * throughput must not depend on the size of the tree). The standalone jar runs as a user runs it; the events are
 * written straight into its store, as the ledger would have written them — chained, sealed under its key, and each
 * with its leaf and the subtrees it completes — but by COPY, in the store's append lock: registry events
 * ({@code UnitChanged}) of one unit, which need no transaction beside them, while the product is stopped. The
 * publisher's position is moved past them, so that, started again, the product does not publish them (nothing here
 * measures the topic or the projection), and the measurements wait until it has published and projected its own
 * warm-up: each phase records the product's backlog and CPU ({@code backlog}, {@code cpu}), and every measured request
 * is kept in {@code benchmarks/target/evidence-requests.csv}.
 *
 * <pre>
 * ./mvnw -B install -DskipTests &amp;&amp; ./mvnw -B -Pbench-evidence -pl benchmarks verify -Dbench.evidenceEvents=10000000
 * </pre>
 *
 * (as the other benchmarks: exec:java takes the modules from the local repository, so install them first). Only this
 * measurement runs, not {@link LoadDriver}'s.
 * writes {@code benchmarks/results/<date>-evidence-<N>.json}. About 1 KB of store and two tree rows an event: 10,000,000
 * events need some 15 GB of disk; the writing is hashing on one core and COPY on the other, then VACUUM ANALYZE.
 */
public final class EvidenceScale {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVENTS = Long.getLong("bench.evidenceEvents", 100_000);
    private static final int REQUESTS = Integer.getInteger("bench.evidenceRequests", 1_000);
    private static final int COPY_CHUNK = 10_000;
    private static final long APPEND_LOCK_KEY = 0x4275646765744cL;
    private static final String UNIT = "EVB";
    private static final String POSTING_UNIT = "EVP";
    private static final int APPEND_BATCHES = 10;
    private static final int APPEND_BATCH_SIZE = 500;
    /** How long the restarted product answers the measured requests, unmeasured, before the measurements: its JIT's time. */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.evidenceWarmupSeconds", 60);

    private final Map<String, Object> results = new LinkedHashMap<>();
    /** Every measured request: phase, start (epoch microseconds), client-side microseconds, path; see {@link #latencies}. */
    private final StringBuilder requestLog = new StringBuilder("phase,startedEpochMicros,micros,path\n");
    private Path data;
    private ProductProcess product;

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new EvidenceScale().run(repository);
    }

    private void run(Path repository) throws Exception {
        data = Files.createTempDirectory("budget-ledger-evidence-");
        // e.g. -Dbench.productJvmOptions=-Xlog:gc,safepoint:file=/tmp/product-gc.log:uptime,time
        product = new ProductProcess(repository, data);
        try {
            product.start();
            product.sendExpectingSuccess("POST", "/api/v1/units", "{\"code\":\"" + UNIT + "\",\"name\":\"证据基准单位\"}");
            product.sendExpectingSuccess("POST", "/api/v1/units", "{\"code\":\"" + POSTING_UNIT + "\",\"name\":\"追加基准单位\"}");
            product.sendExpectingSuccess("POST", "/api/v1/transactions", "{\"id\":\"a1\",\"type\":\"APPROPRIATE\",\"unit\":\"" + POSTING_UNIT + "\",\"year\":2023,"
                    + "\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":\"100000000.00\"}");
            appendBatches("warm", APPEND_BATCHES);
            results.put("appendBefore", appendBatches("before", APPEND_BATCHES));
            // written while the product is stopped, and started again on them: see writeStraightIntoTheStore
            product.stop();
            results.put("written", writeStraightIntoTheStore(data));
            product.start();
            appendBatches("warm-again", APPEND_BATCHES);
            warmUp();
            results.put("caughtUpSeconds", awaitCaughtUp());
            results.put("digest", latencies("digest", REQUESTS, random -> "/api/v1/audit/digest"));
            long treeSize = product.sendExpectingSuccess("GET", "/api/v1/audit/digest", null).path("treeSize").asLong();
            results.put("treeSize", treeSize);
            results.put("inclusionProof", latencies("inclusionProof", REQUESTS,
                    random -> "/api/v1/audit/proofs/inclusion?eventId=" + eventId(1 + random.nextLong(EVENTS))));
            results.put("consistencyProof", latencies("consistencyProof", REQUESTS / 5, random -> {
                long to = 1 + random.nextLong(treeSize);
                return "/api/v1/audit/proofs/consistency?from=" + random.nextLong(to + 1) + "&to=" + to;
            }));
            results.put("digestAtTreeSize", latencies("digestAtTreeSize", REQUESTS / 5,
                    random -> "/api/v1/audit/digest?treeSize=" + (1 + random.nextLong(treeSize))));
            results.put("appendAfter", appendBatches("after", APPEND_BATCHES));
        } finally {
            product.stop();
            Files.createDirectories(repository.resolve("benchmarks/target"));
            Files.writeString(repository.resolve("benchmarks/target/evidence-requests.csv"), requestLog);
            Path log = repository.resolve("benchmarks/target/product-evidence.log");
            Files.createDirectories(log.getParent());
            Files.copy(data.resolve("product.log"), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Path output = repository.resolve("benchmarks/results/" + LocalDate.now() + "-evidence-" + EVENTS + ".json");
        Files.createDirectories(output.getParent());
        Files.writeString(output, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("written to " + output);
    }

    private static String eventId(long n) {
        return "evidence-bench-" + n;
    }

    /**
     * The four kinds of request measured, unmeasured, for {@link #WARMUP_SECONDS} after the restart: the JIT compiles
     * their paths and the rest of what the product runs between requests (a first run with the measurements straight
     * after the restart found its compiler threads using a quarter of a core during them), as in a service that has
     * been running for a while.
     */
    private void warmUp() throws Exception {
        long treeSize = product.sendExpectingSuccess("GET", "/api/v1/audit/digest", null).path("treeSize").asLong();
        Random random = new Random(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            long to = 1 + random.nextLong(treeSize);
            product.sendExpectingSuccess("GET", "/api/v1/audit/digest", null);
            product.sendExpectingSuccess("GET", "/api/v1/audit/proofs/inclusion?eventId=" + eventId(1 + random.nextLong(EVENTS)), null);
            product.sendExpectingSuccess("GET", "/api/v1/audit/proofs/consistency?from=" + random.nextLong(to + 1) + "&to=" + to, null);
            product.sendExpectingSuccess("GET", "/api/v1/audit/digest?treeSize=" + to, null);
        }
    }

    /**
     * Waits until the publisher has published and the projection applied every stored event (the warm-up's), so that
     * the measurements find the product as it is between requests, not still working off the warm-up: seconds waited.
     */
    private long awaitCaughtUp() throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (true) {
            Map<String, Object> backlog = backlog();
            if (backlog.get("publishedSequence").equals(backlog.get("storedSequence"))
                    && backlog.get("projectedSequence").equals(backlog.get("storedSequence"))) {
                return Math.round((System.nanoTime() - started) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the product did not catch up within 3 minutes: " + backlog);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The synthetic events, chained after the newest stored one, sealed with the product's key, and their leaves and
     * completed subtrees, all by COPY in chunks, holding the append lock. One thread hashes, seals and folds the tree
     * (each event's hash needs the one before it) while this one copies the chunk before into PostgreSQL, so the two
     * cores work at once. Then VACUUM ANALYZE, as autovacuum would have done on a store that grew over years, and so
     * that it does not start during the measurements.
     *
     * <p>The product is stopped meanwhile and this starts its PostgreSQL on its own: the publisher reads its stored
     * position when it starts publishing, not on every round, so a position moved under a running product did not stop
     * it from publishing the events: it put them all on the topic, and the projection, in the same JVM and database, was
     * still applying them while the requests were measured (at 1,000,000 events it had applied half of them when the
     * digest's measurement began). Started again on the store, the product finds its position past them, as after
     * years of publishing.
     */
    private Map<String, Object> writeStraightIntoTheStore(Path data) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"),
                Integer.parseInt(LoadDriver.ports(data).getProperty("postgres")), false)) {
            return writeEvents(data);
        }
    }

    private Map<String, Object> writeEvents(Path data) throws Exception {
        byte[] sealingKey = Base64.getDecoder().decode(Files.readString(data.resolve("integrity.key")).trim());
        long started = System.nanoTime();
        try (Connection connection = LoadDriver.postgres(data)) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + APPEND_LOCK_KEY + ")");
            }
            Tip tip = tip(connection);
            long firstSequence = tip.lastSequence() + 1;
            try (PreparedStatement skip = connection.prepareStatement("INSERT INTO ledger.publication_position (publisher, last_sequence) "
                    + "VALUES ('kafka:budget-ledger.events', ?) ON CONFLICT (publisher) DO UPDATE SET last_sequence = excluded.last_sequence")) {
                // the publisher must not put ten million registry events on the topic: nothing here measures it
                skip.setLong(1, tip.lastSequence() + EVENTS);
                skip.executeUpdate();
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
            ExecutorService generator = Executors.newSingleThreadExecutor();
            Future<?> generated = generator.submit(() -> generate(sealingKey, tip, firstSequence, chunks));
            try {
                for (Chunk chunk = take(chunks, generated); chunk != Chunk.END; chunk = take(chunks, generated)) {
                    copy.copyIn("COPY ledger.domain_event_entry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                            + "timeStamp, payloadType, payloadRevision, payload, metaData, transaction_id, unit, recorded_at, previous_hash, "
                            + "hash, seal) FROM STDIN WITH (FORMAT csv)", new StringReader(chunk.events()));
                    copy.copyIn("COPY ledger.merkle_leaf (position, sequence, hash, completed) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(chunk.leaves()));
                    try (PreparedStatement advance = connection.prepareStatement("UPDATE ledger.event_sequence SET last_sequence = ?")) {
                        advance.setLong(1, chunk.lastSequence());
                        advance.executeUpdate();
                    }
                    long written = chunk.lastSequence() - firstSequence + 1;
                    if (written % (100L * COPY_CHUNK) == 0 || written == EVENTS) {
                        System.out.println("evidence: " + written + " of " + EVENTS + " events written in "
                                + Math.round((System.nanoTime() - started) / 1e9) + " s");
                    }
                }
                generated.get();
            } finally {
                generator.shutdownNow();
            }
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + APPEND_LOCK_KEY + ")");
            }
            long writtenNanos = System.nanoTime() - started;
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM ANALYZE ledger.domain_event_entry");
                vacuum.execute("VACUUM ANALYZE ledger.merkle_leaf");
            }
            return Map.of("events", EVENTS, "seconds", Math.round(writtenNanos / 1e9),
                    "vacuumSeconds", Math.round((System.nanoTime() - started - writtenNanos) / 1e9));
        }
    }

    /** A chunk of events and the tree's rows they add, as CSV for COPY; {@link #END} after the last. */
    private record Chunk(String events, String leaves, long lastSequence) {
        static final Chunk END = new Chunk("", "", -1);
    }

    private static Chunk take(BlockingQueue<Chunk> chunks, Future<?> generated) throws Exception {
        while (true) {
            Chunk chunk = chunks.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (chunk != null) {
                return chunk;
            }
            if (generated.isDone()) {
                generated.get();
                throw new IllegalStateException("the generator ended without its last chunk");
            }
        }
    }

    /** Hashes, seals and adds to the tree each event in sequence order, a chunk at a time, into {@code chunks}. */
    private static Void generate(byte[] sealingKey, Tip tip, long firstSequence, BlockingQueue<Chunk> chunks) throws Exception {
        Mac seal = Mac.getInstance("HmacSHA256");
        seal.init(new SecretKeySpec(sealingKey, "HmacSHA256"));
        MerkleFrontier tree = tip.tree();
        String previous = tip.newestHash();
        Instant recordedAt = tip.newestRecordedAt().plusNanos(1_000);
        String name = "证".repeat(60);
        for (long from = 0; from < EVENTS; from += COPY_CHUNK) {
            StringBuilder events = new StringBuilder(COPY_CHUNK * 1200);
            StringBuilder leaves = new StringBuilder(COPY_CHUNK * 180);
            long sequence = firstSequence;
            for (long n = from; n < Math.min(EVENTS, from + COPY_CHUNK); n++) {
                sequence = firstSequence + n;
                long leafSequence = sequence;
                String eventId = eventId(n + 1);
                byte[] payload = ("{\"unit\":\"" + UNIT + "\",\"effectiveDate\":\"2023-07-01\",\"name\":\"" + name + n
                        + "\",\"parent\":null,\"unitType\":null,\"principal\":\"bench\"}").getBytes(StandardCharsets.UTF_8);
                byte[] canonical = EventHash.canonical(previous, eventId, UNIT, n + 1, "UnitChanged", recordedAt, null, payload);
                String hash = EventHash.ofCanonical(canonical);
                String sealed = HexFormat.of().formatHex(seal.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
                events.append(sequence).append(',').append(eventId).append(',').append(UNIT).append(',').append(n + 1)
                        .append(",Unit,").append(recordedAt).append(",org.budgetledger.contracts.events.UnitChanged,1,\\x")
                        .append(HexFormat.of().formatHex(payload)).append(",\\x7b7d,,").append(UNIT).append(',')
                        .append(recordedAt).append(',').append(previous).append(',').append(hash).append(',').append(sealed).append('\n');
                // a row a leaf: its hash, then the subtrees it completes (V14__merkle_tree_one_row_per_event.sql)
                leaves.append(tree.size()).append(',').append(leafSequence).append(",\\x");
                StringBuilder completed = new StringBuilder(",\\x");
                tree.append(MerkleHash.leaf(canonical), (node, nodeHash) -> (node.level() == 0 ? leaves : completed)
                        .append(HexFormat.of().formatHex(nodeHash)));
                leaves.append(completed).append('\n');
                previous = hash;
                recordedAt = recordedAt.plusNanos(1_000);
            }
            chunks.put(new Chunk(events.toString(), leaves.toString(), sequence));
        }
        chunks.put(Chunk.END);
        return null;
    }

    /** What the store holds before the synthetic events: its last sequence, newest event, and the tree's frontier. */
    private record Tip(long lastSequence, String newestHash, Instant newestRecordedAt, MerkleFrontier tree) {
    }

    private static Tip tip(Connection connection) throws Exception {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT (SELECT last_sequence FROM ledger.event_sequence), "
                     + "(SELECT hash FROM ledger.domain_event_entry ORDER BY globalIndex DESC LIMIT 1), "
                     + "(SELECT max(recorded_at) FROM ledger.domain_event_entry), "
                     + "(SELECT count(*) FROM ledger.merkle_leaf)")) {
            row.next();
            long size = row.getLong(4);
            List<byte[]> peaks = new ArrayList<>();
            for (var peak : MerkleFrontier.peakPositions(size)) {
                // the peak is stored with its last leaf, at level - 1 hashes into what that leaf completed
                try (PreparedStatement node = connection.prepareStatement("SELECT CASE WHEN ? = 0 THEN hash "
                        + "ELSE substring(completed FROM (? - 1) * 32 + 1 FOR 32) END FROM ledger.merkle_leaf WHERE position = ?")) {
                    node.setInt(1, peak.level());
                    node.setInt(2, peak.level());
                    node.setLong(3, ((peak.position() + 1) << peak.level()) - 1);
                    try (ResultSet hash = node.executeQuery()) {
                        hash.next();
                        peaks.add(hash.getBytes(1));
                    }
                }
            }
            return new Tip(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), MerkleFrontier.of(size, peaks));
        }
    }

    /** Batches of PAYs of 1.00 to one line: transactions per second. */
    private Map<String, Object> appendBatches(String prefix, int batches) throws Exception {
        long started = System.nanoTime();
        for (int batch = 0; batch < batches; batch++) {
            ArrayNode transactions = JSON.createArrayNode();
            for (int n = 0; n < APPEND_BATCH_SIZE; n++) {
                transactions.addObject().put("id", prefix + "-" + batch + "-" + n).put("type", "PAY").put("unit", POSTING_UNIT)
                        .put("year", 2023).put("date", "2023-06-10").put("line", "a1").put("economic", "30201").put("amount", "1.00");
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("transactions", transactions);
            for (JsonNode answer : product.sendExpectingSuccess("POST", "/api/v1/transactions:batch", body.toString()).path("results")) {
                if (answer.path("status").asInt() != 201) {
                    throw new IllegalStateException("a benchmark payment was not accepted: " + answer);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return Map.of("transactions", batches * APPEND_BATCH_SIZE, "transactionsPerSecond", Math.round(batches * APPEND_BATCH_SIZE / seconds));
    }

    /**
     * A request a path picks, {@code count} times after as many unmeasured: percentiles in milliseconds. The unmeasured
     * ones let the JIT compile the request's path first, so that the p99 is the path's and not its first compilation's
     * (the standard run's three-minute warm-up does the same for the posting path). Each measured request is also kept in
     * {@code benchmarks/target/evidence-requests.csv} with the instant it started, to set the slow ones beside the product's
     * own logs (its access log, GC log) of the same moments.
     */
    private Map<String, Object> latencies(String phase, int count, java.util.function.Function<Random, String> path) throws Exception {
        Random random = new Random(22);
        for (int n = 0; n < count; n++) {
            product.sendExpectingSuccess("GET", path.apply(random), null);
        }
        Map<String, Object> backlog = backlog();
        CpuTimes cpuBefore = CpuTimes.now(product.handle());
        long measuredStarted = System.nanoTime();
        long[] micros = new long[count];
        Map<String, Double> threadCores;
        try (ThreadCpu threads = new ThreadCpu(product.handle())) {
            for (int n = 0; n < count; n++) {
                String uri = path.apply(random);
                Instant startedAt = Instant.now();
                long started = System.nanoTime();
                product.sendExpectingSuccess("GET", uri, null);
                micros[n] = (System.nanoTime() - started) / 1_000;
                requestLog.append(phase).append(',').append(startedAt.getEpochSecond() * 1_000_000 + startedAt.getNano() / 1_000)
                        .append(',').append(micros[n]).append(',').append(uri).append('\n');
            }
            threadCores = threads.cores();
        }
        Map<String, Object> cpu = CpuTimes.now(product.handle()).coresSince(cpuBefore, (System.nanoTime() - measuredStarted) / 1e9);
        Arrays.sort(micros);
        return Map.of("requests", count, "p50Millis", micros[count / 2] / 1000.0, "p99Millis", micros[(int) (count * 0.99) - 1] / 1000.0,
                "maxMillis", micros[count - 1] / 1000.0, "cpu", cpu, "productThreadCores", threadCores, "backlog", backlog);
    }

    /**
     * How far the product's background work lagged when a measurement started: the store's last sequence, the
     * publisher's stored position and the projection's newest applied event. Work still to do in the same JVM and
     * database while requests are measured shows in their latencies.
     */
    private Map<String, Object> backlog() throws Exception {
        try (Connection connection = LoadDriver.postgres(data); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT (SELECT last_sequence FROM ledger.event_sequence), "
                     + "(SELECT last_sequence FROM ledger.publication_position WHERE publisher = 'kafka:budget-ledger.events'), "
                     + "(SELECT max(sequence) FROM projection.applied_event)")) {
            row.next();
            return Map.of("storedSequence", row.getLong(1), "publishedSequence", row.getLong(2), "projectedSequence", row.getLong(3));
        }
    }
}
