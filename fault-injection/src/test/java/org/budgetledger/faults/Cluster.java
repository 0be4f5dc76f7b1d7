package org.budgetledger.faults;

import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.embedded.EmbeddedPostgresServer;
import org.budgetledger.embedded.FreePorts;
import org.budgetledger.testing.TestUsers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The product as separate processes on loopback: PostgreSQL (zonky's real server binaries, a process of
 * their own, data kept across restarts), a Kafka broker JVM, a ledger-service JVM and a projection-service
 * JVM, each started from its executable jar as an operator would.
 */
final class Cluster implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Path directory;
    private final int postgresPort = FreePorts.next();
    private final int brokerPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    final int ledgerPort = FreePorts.next();
    final int projectionPort = FreePorts.next();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedPostgresServer postgres;
    /** The services work as production's roles (issue #16), given these passwords when PostgreSQL first starts. */
    private final String ownerPassword = DatabaseRoles.newPassword();
    private final String applicationPassword = DatabaseRoles.newPassword();
    final ChildProcess broker;
    final ChildProcess ledger;
    final ChildProcess projection;

    Cluster(Path directory, Path ledgerJar, Path projectionJar) {
        this.directory = directory;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        broker = new ChildProcess("broker", List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName(), directory.resolve("kafka").toString(), Integer.toString(brokerPort),
                Integer.toString(controllerPort)), directory.resolve("broker.log"));
        ledger = new ChildProcess("ledger", service(java, ledgerJar, ledgerPort), directory.resolve("ledger.log"));
        projection = new ChildProcess("projection", service(java, projectionJar, projectionPort),
                directory.resolve("projection.log"));
    }

    private List<String> service(String java, Path jar, int port) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + DatabaseRoles.APPLICATION,
                "--spring.datasource.password=" + applicationPassword,
                "--budgetledger.database.owner-username=" + DatabaseRoles.OWNER,
                "--budgetledger.database.owner-password=" + ownerPassword,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + brokerPort,
                // the harness's own failures show in its logs, not as ANSI colour codes
                "--spring.output.ansi.enabled=never"));
        command.addAll(Arrays.asList(TestUsers.arguments()));
        return command;
    }

    Cluster start() {
        startPostgres();
        broker.start();
        ledger.start();
        awaitReady(ledgerPort);
        projection.start();
        awaitReady(projectionPort);
        return this;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + EmbeddedPostgresServer.DATABASE;
    }

    /** The database as the services' role sees it (which may read everything the verdict counts). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DatabaseRoles.APPLICATION, applicationPassword);
    }

    String ledgerUrl() {
        return "http://localhost:" + ledgerPort;
    }

    void restartLedger() throws InterruptedException {
        ledger.kill();
        ledger.start();
        awaitReady(ledgerPort);
    }

    void restartProjection() throws InterruptedException {
        projection.kill();
        projection.start();
        awaitReady(projectionPort);
    }

    /** The broker dies; both services must report themselves not ready until it is back. */
    void restartBroker() throws InterruptedException {
        broker.kill();
        try {
            awaitNotReady(ledgerPort);
            awaitNotReady(projectionPort);
        } finally {
            broker.start();
        }
        awaitAllReady();
    }

    /**
     * PostgreSQL stops (fast shutdown: every connection is cut, open transactions roll back); both services
     * must report themselves not ready until it is back.
     */
    void restartPostgres() {
        postgres.close();
        try {
            awaitNotReady(ledgerPort);
            awaitNotReady(projectionPort);
        } finally {
            startPostgres();
        }
        awaitAllReady();
    }

    /**
     * Freezes the broker until both services have noticed (readiness 503) and at least {@code pause} has
     * passed, longer than the Kafka clients' request timeout, so that their requests really time out.
     */
    void pauseBroker(Duration pause) {
        broker.pause();
        try {
            long frozenNanos = System.nanoTime();
            await().atMost(pause.plusMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> System.nanoTime() - frozenNanos >= pause.toNanos()
                            && readiness(ledgerPort) == 503 && readiness(projectionPort) == 503);
        } finally {
            broker.resume();
        }
    }

    void awaitAllReady() {
        awaitReady(ledgerPort);
        awaitReady(projectionPort);
    }

    private void startPostgres() {
        postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), postgresPort, false);
        try (Connection superuser = postgres.superuserConnection()) {
            DatabaseRoles.provision(superuser, ownerPassword, applicationPassword);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not provision the database roles", failed);
        }
    }

    private void awaitReady(int port) {
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> readiness(port) == 200);
    }

    /** Readiness answers 503 (not a timeout, not a guess): the probe tells the truth while a dependency is down. */
    private void awaitNotReady(int port) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> readiness(port) == 503);
    }

    /** The status of a service's readiness probe; the health check itself waits at most 5 s for the database. */
    private int readiness(int port) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(20)).build();
        return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws InterruptedException {
        projection.stop();
        ledger.stop();
        broker.stop();
        if (postgres != null) {
            postgres.close();
        }
    }
}
