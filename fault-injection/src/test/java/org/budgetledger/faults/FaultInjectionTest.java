package org.budgetledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC's promise under faults: ledger, projection, broker and PostgreSQL run as separate processes; while a
 * seeded load of transactions runs (clients retrying with the same id), the ledger is killed with SIGKILL,
 * then the projection, then the broker; PostgreSQL is restarted; the broker is frozen (SIGSTOP) for longer
 * than the Kafka clients' request timeout. Afterwards every acknowledged transaction must be stored exactly
 * once, no refused one may have left a trace, the topic must hold every stored event, and the projection
 * must equal a fresh replay of the topic.
 *
 * <p>CI runs {@code faults.transactions} = 10,000; the full size is a documented command (README). The
 * summary line is printed and written to {@code target/faults/summary.txt}; the processes' logs are beside it.
 */
class FaultInjectionTest {

    private static final int UNITS = 16;
    private static final int CLIENTS = 8;
    /** Beyond the Kafka clients' default request timeout (30 s), so that their requests really time out. */
    private static final Duration BROKER_PAUSE = Duration.ofSeconds(35);


    /** A fault, injected once the load has got as far as {@code atProgress}. */
    private record Fault(String name, double atProgress, FaultAction action) {
    }

    @FunctionalInterface
    private interface FaultAction {
        void inject() throws Exception;
    }

    @Test
    void no_acknowledged_transaction_is_lost_or_doubled_whatever_is_killed() throws Exception {
        Path directory = Path.of(System.getProperty("faults.workDirectory", "target/faults"));
        deleteRecursively(directory);
        Files.createDirectories(directory);
        int transactions = Integer.getInteger("faults.transactions", 10_000);
        double rate = Double.parseDouble(System.getProperty("faults.rate", "60"));
        List<String> units = IntStream.rangeClosed(1, UNITS).mapToObj(n -> String.format("F%02d", n)).toList();

        try (Cluster cluster = new Cluster(directory, Path.of(System.getProperty("faults.ledgerJar")),
                Path.of(System.getProperty("faults.projectionJar"))).start()) {
            Workload load = new Workload(cluster.ledgerUrl(), TestUsers.ADMIN, TestUsers.ADMIN, units, transactions, rate, 20231231L);
            load.registerUnits();
            List<Fault> faults = List.of(
                    new Fault("kill -9 ledger", 0.05, cluster::restartLedger),
                    new Fault("kill -9 projection", 0.15, cluster::restartProjection),
                    new Fault("kill -9 broker", 0.30, cluster::restartBroker),
                    new Fault("restart PostgreSQL", 0.45, cluster::restartPostgres),
                    new Fault("SIGSTOP broker " + BROKER_PAUSE.toSeconds() + " s", 0.60, () -> cluster.pauseBroker(BROKER_PAUSE)));
            Instant start = Instant.now();
            CompletableFuture<List<String>> injected = CompletableFuture.supplyAsync(() -> inject(faults, load::progress));
            load.run(CLIENTS);
            List<String> injectedFaults = injected.get();
            Duration loadTime = Duration.between(start, Instant.now());

            cluster.awaitAllReady();
            Verdict verdict = verdict(cluster, load.outcomes());
            String summary = String.format("FAULTS transactions=%d acknowledged=%d rejected=%d unknown=%d stored=%d projected=%d "
                            + "duplicates=%d lost=%d rejected_with_trace=%d topic_complete=%s replay_identical=%s retries=%d "
                            + "server_errors=%s load_seconds=%d faults=%s rejection_codes=%s",
                    transactions, verdict.acknowledged, verdict.rejected, verdict.unknown, verdict.stored, verdict.projected,
                    verdict.duplicates, verdict.lost, verdict.rejectedWithTrace, verdict.topicComplete, verdict.replayIdentical,
                    load.retries(), load.serverErrors(), loadTime.toSeconds(), injectedFaults, load.outcomes().rejectionCodes());
            System.out.println(summary);
            Files.writeString(directory.resolve("summary.txt"), summary + System.lineSeparator());

            assertThat(injectedFaults).as("every fault fell inside the load").hasSize(faults.size());
            assertThat(verdict.unknown).as("transactions without a definitive answer").isZero();
            assertThat(verdict.lost).isZero();
            assertThat(verdict.duplicates).isZero();
            assertThat(verdict.rejectedWithTrace).isZero();
            assertThat(verdict.stored).isEqualTo(verdict.acknowledged);
            assertThat(verdict.projected).isEqualTo(verdict.stored);
            assertThat(verdict.topicComplete).isTrue();
            assertThat(verdict.replayIdentical).isTrue();
            assertThat(load.outcomes().rejectionCodes()).doesNotContainKey("IDEMPOTENCY_CONFLICT");
            // an outage is answered 503 (try again); a 500 would be a failure of the service itself
            assertThat(load.serverErrors()).as("5xx answers by status").doesNotContainKey(500);
        }
    }

    /** Injects each fault when the load reaches its point; returns the names of those injected. */
    private static List<String> inject(List<Fault> faults, DoubleSupplier progress) {
        List<String> injected = new ArrayList<>();
        for (Fault fault : faults) {
            try {
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> progress.getAsDouble() >= fault.atProgress());
                if (progress.getAsDouble() >= 1.0) {
                    break; // the load is over: a fault now would prove nothing
                }
                System.out.println("FAULT " + fault.name() + " at " + Math.round(progress.getAsDouble() * 100) + " %");
                fault.action().inject();
                injected.add(fault.name());
            } catch (Exception failed) {
                throw new IllegalStateException("injecting " + fault.name() + " failed", failed);
            }
        }
        return injected;
    }

    private record Verdict(int acknowledged, int rejected, int unknown, int stored, long projected, int duplicates,
                           int lost, int rejectedWithTrace, boolean topicComplete, boolean replayIdentical) {
    }

    private Verdict verdict(Cluster cluster, Outcomes outcomes) throws Exception {
        Set<String> acknowledged = outcomes.ids(Outcomes.Kind.ACKNOWLEDGED);
        Set<String> rejected = outcomes.ids(Outcomes.Kind.REJECTED);
        try (Connection database = cluster.connect()) {
            Map<String, Integer> eventsPerTransaction = eventsPerTransaction(database);
            Set<String> accepted = ids(database, "SELECT id FROM ledger.posted_transaction");
            // the budget years' events: the units' registrations (SPEC §12) belong to no transaction of the load
            long storedEvents = count(database, "SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id IS NOT NULL");
            // the projection catches up after the faults: every stored event of a budget year applied once (the
            // registrations are applied too, with no year)
            String appliedOfYears = "SELECT count(*) FROM projection.applied_event WHERE year IS NOT NULL";
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(database, appliedOfYears) >= storedEvents);
            long projected = count(database, appliedOfYears);

            int duplicates = (int) eventsPerTransaction.values().stream().filter(events -> events > 1).count();
            int lost = (int) acknowledged.stream().filter(id -> !eventsPerTransaction.containsKey(id) || !accepted.contains(id)).count();
            int rejectedWithTrace = (int) rejected.stream()
                    .filter(id -> eventsPerTransaction.containsKey(id) || accepted.contains(id)).count();
            Set<String> stored = new HashSet<>(eventsPerTransaction.keySet());
            return new Verdict(acknowledged.size(), rejected.size(), outcomes.ids(Outcomes.Kind.UNKNOWN).size(), stored.size(),
                    projected, duplicates, lost, rejectedWithTrace, topicComplete(cluster), replayIdentical(cluster));
        }
    }

    /** Stored events per transaction id (each transaction of the load stores exactly one). */
    private static Map<String, Integer> eventsPerTransaction(Connection database) throws SQLException {
        Map<String, Integer> events = new HashMap<>();
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'transactionId', count(*)
                     FROM ledger.domain_event_entry WHERE transaction_id IS NOT NULL GROUP BY 1""")) {
            while (rows.next()) {
                events.put(rows.getString(1), rows.getInt(2));
            }
        }
        return events;
    }

    private static Set<String> ids(Connection database, String query) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection database, String query) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private boolean topicComplete(Cluster cluster) {
        // the publisher may still be catching up after the broker's pause: ask until nothing is pending
        JsonNode[] check = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            check[0] = post(HttpApi.as(cluster.ledgerPort, TestUsers.ADMIN), "/api/v1/audit/topic-check", "");
            return check[0].path("pendingEvents").asLong(-1) == 0;
        });
        return check[0].path("ok").asBoolean();
    }

    private boolean replayIdentical(Cluster cluster) {
        HttpApi projection = HttpApi.as(cluster.projectionPort, TestUsers.ADMIN);
        String status = post(projection, "/api/v1/audit/replays", "{}").path("url").asText();
        JsonNode[] replay = new JsonNode[1];
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            replay[0] = projection.get(status).body();
            return !"RUNNING".equals(replay[0].path("status").asText());
        });
        assertThat(replay[0].path("status").asText()).as(replay[0].toString()).isEqualTo("SUCCEEDED");
        return replay[0].path("identical").asBoolean();
    }

    private static JsonNode post(HttpApi service, String path, String body) {
        HttpApi.Answer answer = service.postRaw(path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
