package org.budgetledger.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #16 on an external PostgreSQL: {@code deploy/postgres-roles.sh}, which the compose file's postgres image
 * runs on a new volume, run here with Debian's psql on a new server as its superuser, gives roles the product
 * starts on with the compose file's settings; the application's role then cannot delete a stored event or create
 * a schema.
 */
@RealInfrastructure
class DeployedRolesTest {

    private static final Path PSQL = Path.of("/usr/bin/psql");
    private static final Path SCRIPT = Path.of("..", "deploy", "postgres-roles.sh").toAbsolutePath().normalize();
    private static final String DATABASE = "budgetledger";
    private static final String OWNER_PASSWORD = DatabaseRoles.newPassword();
    private static final String APP_PASSWORD = DatabaseRoles.newPassword();

    @TempDir
    Path work;

    @Test
    void the_compose_roles_script_gives_roles_the_product_runs_on_append_only(Infrastructure infrastructure) throws Exception {
        boolean present = Files.isExecutable(PSQL);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the roles script: install postgresql-client (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no /usr/bin/psql: apt-get install postgresql-client");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").start()) {
            try (Connection superuser = server.getPostgresDatabase().getConnection(); Statement sql = superuser.createStatement()) {
                sql.execute("CREATE DATABASE " + DATABASE); // POSTGRES_DB: the image creates it before running the script
            }
            runScript(server.getPort());
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;

            try (StandaloneLauncher.Running product = StandaloneLauncher.start(Stream.concat(Stream.of(
                    "--budgetledger.data-dir=" + work.resolve("launcher"), "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=budgetledger_app", "--spring.datasource.password=" + APP_PASSWORD,
                    "--budgetledger.database.owner-username=budgetledger_owner",
                    "--budgetledger.database.owner-password=" + OWNER_PASSWORD,
                    "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                    "--budgetledger.events.topic=deployed-roles-test",
                    "--budgetledger.projection.group-id=deployed-roles-test"), Stream.of(TestUsers.arguments()))
                    .toArray(String[]::new))) {
                HttpApi api = new HttpApi(((ServletWebServerApplicationContext) product.context()).getWebServer().getPort());
                assertThat(api.post("/api/v1/units", Map.of("code", "430001", "name", "测试单位")).status()).isEqualTo(201);
                assertThat(api.post("/api/v1/transactions", Map.of("id", "a1", "type", "APPROPRIATE", "unit", "430001",
                        "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199",
                        "kind", "BASIC", "amount", "10.00")).status()).isEqualTo(201);
            }

            try (Connection application = DriverManager.getConnection(url, "budgetledger_app", APP_PASSWORD);
                 Statement sql = application.createStatement()) {
                assertDenied(sql, "DELETE FROM ledger.domain_event_entry");
                assertDenied(sql, "UPDATE ledger.posted_transaction SET principal = 'someone else'");
                assertDenied(sql, "CREATE SCHEMA elsewhere");
                assertDenied(sql, "CREATE TABLE public.elsewhere (id int)");
            }
        }
    }

    /** As the image runs it: psql as the superuser, with the image's variables and the passwords of .env. */
    private void runScript(int port) throws Exception {
        Path output = work.resolve("postgres-roles.out");
        ProcessBuilder script = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        script.environment().putAll(Map.of("POSTGRES_USER", "postgres", "POSTGRES_DB", DATABASE, "PGHOST", "localhost",
                "PGPORT", Integer.toString(port), "BUDGETLEDGER_OWNER_PASSWORD", OWNER_PASSWORD,
                "BUDGETLEDGER_APP_PASSWORD", APP_PASSWORD));
        Process process = script.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        assertThat(process.exitValue()).as("the script failed:%n%s", Files.readString(output)).isZero();
    }

    private static void assertDenied(Statement sql, String statement) {
        SQLException denied = catchThrowableOfType(SQLException.class, () -> sql.execute(statement));
        assertThat((Throwable) denied).as("%s was allowed", statement).isNotNull();
        assertThat(denied.getSQLState()).as("%s: %s", statement, denied.getMessage()).isEqualTo("42501");
    }
}
