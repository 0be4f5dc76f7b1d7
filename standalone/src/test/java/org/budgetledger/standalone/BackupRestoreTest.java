package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: the procedure of docs/OPERATIONS.md "Backup and restore", run as an operator runs it. A history is
 * posted, its digest and every report kept; the schema {@code ledger} is dumped with Debian's {@code pg_dump}
 * and restored with {@code pg_restore} into a new database; the product started on that database, with a new
 * topic and a new projection consumer group, publishes the restored store, rebuilds the projection from it,
 * verifies the kept digest and reports exactly what it reported before — and goes on taking transactions.
 */
@RealInfrastructure
class BackupRestoreTest {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");
    private static final Path PG_RESTORE = Path.of("/usr/bin/pg_restore");
    /** Copied there by maven-dependency-plugin (standalone/pom.xml says why not on the classpath). */
    private static final Path POSTGRES_15_JAR = Path.of("target", "postgres-15", "postgres-15-binaries.jar");
    /** Zonky extracts binaries into {@code PG-<digest>} here, apart from the 17 binaries under java.io.tmpdir. */
    private static final Path POSTGRES_15_BINARIES = Path.of("target", "postgres-15", "binaries");
    /**
     * The roles of docs/OPERATIONS.md, as an operator provisions them on an external server: the product runs as the
     * application's role and migrates as the owner, which also dumps and restores. (Zonky's cluster trusts local
     * connections: the passwords travel as in production, but are not checked.)
     */
    private static final DatabaseRoles.Logins ROLES = new DatabaseRoles.Logins(
            new DatabaseRoles.Login(DatabaseRoles.OWNER, DatabaseRoles.newPassword()),
            new DatabaseRoles.Login(DatabaseRoles.APPLICATION, DatabaseRoles.newPassword()));
    private static final String UNIT = "430001";
    private static final String REPORTS = "/api/v1/reports/" + UNIT + "/2023/";
    private static final List<String> TABLES = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09",
            "execution");
    private static final Duration CLIENT_TOOL_TIME_MAX = Duration.ofMinutes(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** What an operator keeps from before the backup: the digest, and (for this test) every report's rows. */
    private record Kept(JsonNode digest, Map<String, JsonNode> rowsByTable) {
    }

    @TempDir
    Path work;

    @BeforeAll
    static void postgresClientTools() {
        boolean present = Files.isExecutable(PG_DUMP) && Files.isExecutable(PG_RESTORE);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the backup test: install postgresql-client (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no /usr/bin/pg_dump and /usr/bin/pg_restore: apt-get install postgresql-client");
    }

    @Test
    void a_restored_dump_verifies_republishes_and_rebuilds_every_report(Infrastructure infrastructure) throws Exception {
        try (EmbeddedPostgres server = startPostgres15(work.resolve("postgres-data"))) {
            provisionRoles(server, "postgres");
            Kept kept;
            try (StandaloneLauncher.Running product = start(server, "postgres", infrastructure, "before")) {
                kept = postHistoryAndKeep(api(product));
            }

            Path dump = work.resolve("ledger.dump");
            run(PG_DUMP, "--schema=ledger", "--format=custom", "-f", dump.toString(), url(server, "postgres"));
            execute(server, "CREATE DATABASE restored");
            provisionRoles(server, "restored");
            run(PG_RESTORE, "--clean", "--if-exists", "-d", url(server, "restored"), dump.toString());

            try (StandaloneLauncher.Running product = start(server, "restored", infrastructure, "after")) {
                HttpApi api = api(product);
                assertRestoredHistoryIsTheKeptOne(api, kept);
                assertRestoredLedgerGoesOn(api, kept.digest());
            }
        }
    }

    /** The kept digest verifies, the new topic holds exactly the store, every rebuilt report equals the kept one. */
    private static void assertRestoredHistoryIsTheKeptOne(HttpApi api, Kept kept) {
        JsonNode verified = verify(api, kept.digest());
        assertThat(verified.path("ok").asBoolean()).as("verify with the kept digest: %s", verified).isTrue();
        awaitProjection(api, kept.digest().path("sequence").asLong());
        JsonNode topicCheck = api.post("/api/v1/audit/topic-check", Map.of()).body();
        assertThat(topicCheck.path("ok").asBoolean()).as("topic check: %s", topicCheck).isTrue();
        assertThat(rowsByTable(api)).as("every report, rebuilt from the new topic").isEqualTo(kept.rowsByTable());
    }

    /** Idempotency records, the sequence and the hash chain go on where the dump left them. */
    private static void assertRestoredLedgerGoesOn(HttpApi api, JsonNode digest) {
        long lastSequence = digest.path("sequence").asLong();
        assertThat(api.post("/api/v1/transactions", history().get(0)).status()).as("a transaction sent again").isEqualTo(200);
        HttpApi.Answer later = api.post("/api/v1/transactions", tx("PAY", "p3", "2023-09-01",
                "line", "a1", "economic", "30201", "amount", "100.00"));
        assertThat(later.status()).as("a new transaction: %s", later.body()).isEqualTo(201);
        assertThat(later.body().path("sequence").get(0).asLong()).as("the next sequence").isEqualTo(lastSequence + 1);
        JsonNode verified = verify(api, digest);
        assertThat(verified.path("ok").asBoolean()).as("the chain after the restore: %s", verified).isTrue();
        assertThat(verified.path("checkedEvents").asLong()).isEqualTo(lastSequence + 1);
    }

    /** A small history with every kind of change a report shows; waits until the projection has all of it. */
    private static Kept postHistoryAndKeep(HttpApi api) {
        assertThat(api.post("/api/v1/units", Map.of("code", UNIT, "name", "湖南省交通运输厅科技信息中心")).status()).isEqualTo(201);
        for (Map<String, Object> transaction : history()) {
            assertThat(api.post("/api/v1/transactions", transaction).status()).as(transaction.toString()).isEqualTo(201);
        }
        JsonNode digest = api.get("/api/v1/audit/digest").body();
        awaitProjection(api, digest.path("sequence").asLong());
        Map<String, JsonNode> rows = rowsByTable(api);
        // expenditure: the payments 2,500.50 + 3,300.00 less the refund of 500.00
        assertThat(rows.get("T01").toString()).as("the history shows in T01").contains("5300.50");
        return new Kept(digest, rows);
    }

    private static List<Map<String, Object>> history() {
        return List.of(
                tx("APPROPRIATE", "a1", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "BASIC",
                        "amount", "1000000.00"),
                tx("APPROPRIATE", "a2", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT",
                        "project", "业务工作经费", "amount", "500000.00"),
                tx("SET_LIMIT", "l1", "2023-01-01", "category", "RECEPTION", "amount", "30000.00"),
                tx("PAY", "p1", "2023-02-10", "line", "a1", "economic", "30201", "amount", "2500.50"),
                tx("PAY", "p2", "2023-05-10", "line", "a2", "economic", "30217", "amount", "3300.00"),
                tx("REFUND", "r1", "2023-03-01", "payment", "p1", "amount", "500.00"),
                tx("ADJUST", "j1", "2023-07-01", "line", "a2", "amount", "-50000.00", "reason", "调减"),
                tx("TRANSFER", "t1", "2023-07-02", "from", "a1", "to", "a2", "amount", "10000.00", "reason", "调剂"),
                tx("RECEIVE", "i1", "2023-12-20", "fund", "OTHER", "subject", "2140199", "amount", "700.00"));
    }

    private static Map<String, Object> tx(String type, String id, String date, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("unit", UNIT);
        body.put("year", 2023);
        body.put("date", date);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /** {@code minSequence} counts per unit-year, and the whole history is one. */
    private static void awaitProjection(HttpApi api, long sequence) {
        await().atMost(PATIENCE).until(() -> api.get(REPORTS + "T01?minSequence=" + sequence + "&wait=PT5S").status() == 200);
    }

    /** The rows of every report; {@code knownAt} (now, by default) differs between any two readings. */
    private static Map<String, JsonNode> rowsByTable(HttpApi api) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            HttpApi.Answer report = api.get(REPORTS + table);
            assertThat(report.status()).as(table).isEqualTo(200);
            rows.put(table, report.body().path("rows"));
        }
        return rows;
    }

    private static JsonNode verify(HttpApi api, JsonNode digest) {
        return api.postRaw("/api/v1/audit/verify", digest.toString()).body();
    }

    /**
     * The product on the given database, with the shared broker and a topic and consumer group of its own: the
     * restored ledger publishes to a topic it has no position for, and a new projection reads it from the start.
     */
    private StandaloneLauncher.Running start(EmbeddedPostgres server, String database, Infrastructure infrastructure,
                                             String generation) {
        Stream<String> settings = Stream.of(
                "--budgetledger.data-dir=" + work.resolve("launcher"),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/" + database,
                "--spring.datasource.username=" + ROLES.application().username(),
                "--spring.datasource.password=" + ROLES.application().password(),
                "--budgetledger.database.owner-username=" + ROLES.owner().username(),
                "--budgetledger.database.owner-password=" + ROLES.owner().password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--budgetledger.events.topic=backup-restore-test." + generation,
                "--budgetledger.projection.group-id=backup-restore-test-" + generation,
                "--server.port=0");
        // TestUsers also sets the integrity key: the restored ledger is started with the key it sealed with
        return StandaloneLauncher.start(Stream.concat(settings, Stream.of(TestUsers.arguments())).toArray(String[]::new));
    }

    private static HttpApi api(StandaloneLauncher.Running running) {
        return new HttpApi(((ServletWebServerApplicationContext) running.context()).getWebServer().getPort());
    }

    /**
     * The "production" server runs PostgreSQL 15. The procedure is the same at any version, but pg_dump dumps
     * servers of its own major version or older only: Debian 12 (these machines and CI) ships pg_dump 15, the
     * product's embedded server is 17, and zonky's binaries carry no pg_dump.
     */
    private static EmbeddedPostgres startPostgres15(Path dataDirectory) throws IOException {
        assertThat(POSTGRES_15_JAR).as("copied by the build (mvn generate-test-resources)").exists();
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(BackupRestoreTest::postgres15Binaries)
                .setOverrideWorkingDirectory(POSTGRES_15_BINARIES.toAbsolutePath().toFile())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .start();
    }

    /**
     * Named as zonky's own resolver names them ({@code Linux}, {@code x86_64} → {@code postgres-linux-x86_64.txz});
     * null tells zonky there is none for this machine.
     */
    private static InputStream postgres15Binaries(String system, String architecture) throws IOException {
        try (ZipFile jar = new ZipFile(POSTGRES_15_JAR.toFile())) {
            ZipEntry archive = jar.getEntry("postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz");
            if (archive == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(archive)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    /** A libpq connection URI, as pg_dump and pg_restore take it, for the owner (the password comes from PGPASSWORD). */
    private static String url(EmbeddedPostgres server, String database) {
        return "postgresql://" + ROLES.owner().username() + "@localhost:" + server.getPort() + "/" + database;
    }

    /** What an operator does once per database (docs/OPERATIONS.md, external PostgreSQL), as its superuser. */
    private static void provisionRoles(EmbeddedPostgres server, String database) throws SQLException {
        try (Connection superuser = server.getDatabase("postgres", database).getConnection()) {
            DatabaseRoles.provision(superuser, ROLES.owner().password(), ROLES.application().password());
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a PostgreSQL client tool as a process, as an operator would, and fails with its stderr unless it exits 0. */
    private void run(Path program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        Path errors = work.resolve(program.getFileName() + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        builder.environment().put("PGPASSWORD", ROLES.owner().password());
        Process process = builder.start();
        if (!process.waitFor(CLIENT_TOOL_TIME_MAX.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + CLIENT_TOOL_TIME_MAX);
        }
        assertThat(process.exitValue()).as("%s failed:%n%s", command, Files.readString(errors)).isZero();
    }
}
