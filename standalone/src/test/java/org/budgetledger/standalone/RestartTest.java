package org.budgetledger.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's own embedded PostgreSQL and Kafka, started the way {@code main} starts them: stop
 * everything, start again on the same data directory, and the earlier transactions are still reported.
 */
class RestartTest {

    @Test
    void data_survives_a_stop_and_start(@TempDir Path dataDirectory) {
        String[] args = arguments(dataDirectory);
        try (StandaloneLauncher.Running first = StandaloneLauncher.start(args)) {
            HttpApi api = api(first);
            api.post("/api/v1/units", Map.of("code", "430001", "name", "湖南省交通运输厅科技信息中心"));
            assertThat(api.post("/api/v1/transactions", Map.of("id", "a1", "type", "APPROPRIATE", "unit", "430001",
                    "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199",
                    "kind", "BASIC", "amount", "10000.00")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> EndToEndTest.amount(api, "430001", 1).equals("1.00"));
        }

        try (StandaloneLauncher.Running second = StandaloneLauncher.start(args)) {
            HttpApi api = api(second);
            assertThat(EndToEndTest.amount(api, "430001", 1)).isEqualTo("1.00");
            assertThat(api.post("/api/v1/transactions", Map.of("id", "p1", "type", "PAY", "unit", "430001",
                    "year", 2023, "date", "2023-02-10", "line", "a1", "economic", "30201",
                    "amount", "5000.00")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> EndToEndTest.amount(api, "430001", 58).equals("0.50"));
        }
    }

    @Test
    void the_demo_loads_only_onto_a_unit_year_without_other_data(@TempDir Path dataDirectory) {
        String[] args = arguments(dataDirectory);
        String[] withDemo = arguments(dataDirectory, "--budgetledger.demo=true");
        try (StandaloneLauncher.Running first = StandaloneLauncher.start(withDemo)) {
            HttpApi api = api(first);
            // a transaction of someone else's in the demo's unit-year: the demo's reports would include it
            assertThat(api.post("/api/v1/transactions", Map.of("id", "quick-start-1", "type", "RECEIVE",
                    "unit", "430001", "year", 2023, "date", "2023-03-01", "fund", "OTHER", "subject", "2140199",
                    "amount", "100.00")).status()).isEqualTo(201);
        }

        assertThatThrownBy(() -> StandaloneLauncher.start(withDemo).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("430001").hasMessageContaining("2023")
                .hasMessageContaining("quick-start-1").hasMessageContaining("budgetledger.data-dir");

        try (StandaloneLauncher.Running without = StandaloneLauncher.start(args)) {
            assertThat(api(without).get("/api/v1/transactions/quick-start-1").status()).isEqualTo(200);
        }
    }

    /**
     * Issue #16: a data directory from a version whose embedded PostgreSQL trusted every loopback connection, and
     * whose schemas the superuser created and owns, starts as before — with its transactions — but from then on
     * its cluster asks for a password and the application works as a role that cannot change stored events.
     */
    @Test
    void a_data_directory_of_a_trusting_cluster_is_upgraded_and_keeps_its_transactions(@TempDir Path dataDirectory)
            throws Exception {
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false).setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").start()) {
            // as the older launcher ran: the application on the superuser, which created and owns the schemas
            String[] asSuperuser = arguments(dataDirectory,
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + older.getPort() + "/postgres",
                    "--spring.datasource.username=postgres");
            try (StandaloneLauncher.Running first = StandaloneLauncher.start(asSuperuser)) {
                HttpApi api = api(first);
                api.post("/api/v1/units", Map.of("code", "430001", "name", "湖南省交通运输厅科技信息中心"));
                assertThat(api.post("/api/v1/transactions", Map.of("id", "a1", "type", "APPROPRIATE", "unit", "430001",
                        "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199",
                        "kind", "BASIC", "amount", "10000.00")).status()).isEqualTo(201);
                await().atMost(Duration.ofSeconds(30)).until(() -> EndToEndTest.amount(api, "430001", 1).equals("1.00"));
            }
        }

        String[] args = arguments(dataDirectory);
        try (StandaloneLauncher.Running upgraded = StandaloneLauncher.start(args)) {
            HttpApi api = api(upgraded);
            assertThat(EndToEndTest.amount(api, "430001", 1)).isEqualTo("1.00");
            assertThat(api.post("/api/v1/transactions", Map.of("id", "p1", "type", "PAY", "unit", "430001",
                    "year", 2023, "date", "2023-02-10", "line", "a1", "economic", "30201",
                    "amount", "5000.00")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> EndToEndTest.amount(api, "430001", 58).equals("0.50"));

            var environment = upgraded.context().getEnvironment();
            String url = environment.getProperty("spring.datasource.url");
            assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "").close()))
                    .as("a connection without a password").isNotNull();
            try (Connection application = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
                 Statement statement = application.createStatement()) {
                SQLException refused = catchThrowableOfType(SQLException.class,
                        () -> statement.executeUpdate("DELETE FROM ledger.domain_event_entry WHERE transaction_id = 'a1'"));
                assertThat((Throwable) refused).as("the application's role deleted a stored event").isNotNull();
                assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
            }
        }
    }

    /** The launcher's arguments on this data directory, with the test users and any more settings. */
    private static String[] arguments(Path dataDirectory, String... more) {
        return java.util.stream.Stream.of(
                        java.util.stream.Stream.of("--budgetledger.data-dir=" + dataDirectory, "--server.port=0"),
                        java.util.Arrays.stream(TestUsers.arguments()), java.util.Arrays.stream(more))
                .flatMap(stream -> stream).toArray(String[]::new);
    }

    private static HttpApi api(StandaloneLauncher.Running running) {
        return new HttpApi(((ServletWebServerApplicationContext) running.context()).getWebServer().getPort());
    }
}
