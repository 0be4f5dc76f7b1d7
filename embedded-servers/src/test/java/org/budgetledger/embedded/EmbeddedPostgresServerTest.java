package org.budgetledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #16: the embedded cluster asks every connection for its password, loopback ones too; an older cluster
 * that trusted them is upgraded on start and keeps its data; and the services' roles can neither read server
 * files nor create outside their schemas.
 */
class EmbeddedPostgresServerTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Test
    void a_new_cluster_admits_only_connections_with_the_generated_password_kept_owner_only(@TempDir Path directory)
            throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("postgres"), 0, false)) {
            assertRefused(server.jdbcUrl(), "postgres", "");
            assertRefused(server.jdbcUrl(), "postgres", "postgres");
            try (Connection superuser = server.superuserConnection()) {
                assertThat(single(superuser, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("true");
            }
            Path passwords = directory.resolve(EmbeddedPostgresServer.PASSWORDS_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
            assertThat(Files.readString(passwords)).contains(server.superuserPassword());
            try (var files = Files.list(directory)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as("the password initdb was given is not left behind")
                        .containsExactlyInAnyOrder("postgres", EmbeddedPostgresServer.PASSWORDS_FILE);
            }
        }
    }

    @Test
    void a_cluster_that_trusted_loopback_connections_asks_for_passwords_after_its_first_start_here_and_keeps_its_data(
            @TempDir Path directory) throws Exception {
        Path cluster = directory.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (amount_fen bigint)");
            sql.execute("INSERT INTO kept VALUES (250050)");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, 0, false)) {
            assertRefused(server.jdbcUrl(), "postgres", "");
            try (Connection superuser = server.superuserConnection()) {
                assertThat(single(superuser, "SELECT amount_fen::text FROM kept")).isEqualTo("250050");
            }
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf")).lines()
                .filter(line -> !line.isBlank() && !line.trim().startsWith("#")))
                .isNotEmpty().allMatch(line -> line.trim().endsWith("scram-sha-256"));

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(cluster, 0, false)) {
            assertRefused(again.jdbcUrl(), "postgres", "");
            try (Connection superuser = again.superuserConnection()) {
                assertThat(single(superuser, "SELECT count(*)::text FROM kept")).isEqualTo("1");
            }
        }
    }

    @Test
    void a_cluster_asking_for_passwords_without_its_passwords_file_is_not_started_blindly(@TempDir Path directory) {
        Path cluster = directory.resolve("postgres");
        EmbeddedPostgresServer.start(cluster, 0, false).close();
        assertThat(directory.resolve(EmbeddedPostgresServer.PASSWORDS_FILE).toFile().delete()).isTrue();

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(cluster, 0, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(EmbeddedPostgresServer.PASSWORDS_FILE);
    }

    @Test
    void the_services_roles_read_no_server_file_and_only_the_owner_creates_schemas(@TempDir Path directory) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("postgres"), 0, true)) {
            try (Connection superuser = server.superuserConnection(); Statement sql = superuser.createStatement()) {
                // what an older version left: a schema of the services created, and owned, by the superuser
                sql.execute("CREATE SCHEMA ledger");
                sql.execute("CREATE TABLE ledger.domain_event_entry (globalIndex bigint GENERATED ALWAYS AS IDENTITY)");
            }
            server.provisionRoles();
            DatabaseRoles.Logins roles = server.provisionRoles(); // twice: provisioning is idempotent

            try (Connection owner = DriverManager.getConnection(server.jdbcUrl(), roles.owner().username(), roles.owner().password());
                 Statement sql = owner.createStatement()) {
                assertThat(single(owner, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'ledger'"))
                        .isEqualTo(DatabaseRoles.OWNER);
                sql.execute("ALTER TABLE ledger.domain_event_entry ADD COLUMN hash char(64)");
                sql.execute("CREATE SCHEMA projection");
                assertDenied(sql, "SELECT pg_read_file('PG_VERSION')");
                assertDenied(sql, "CREATE TABLE public.anything (id int)");
            }
            try (Connection application = DriverManager.getConnection(server.jdbcUrl(), roles.application().username(),
                    roles.application().password());
                 Statement sql = application.createStatement()) {
                assertThat(single(application, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
                assertDenied(sql, "SELECT pg_read_file('PG_VERSION')");
                assertDenied(sql, "SELECT pg_ls_dir('.')");
                assertDenied(sql, "CREATE SCHEMA anything");
                assertDenied(sql, "CREATE TABLE public.anything (id int)");
                assertDenied(sql, "CREATE TEMPORARY TABLE anything (id int)");
                assertDenied(sql, "SELECT * FROM ledger.domain_event_entry");
            }
        }
    }

    private static void assertRefused(String url, String user, String password) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, user, password).close());
        assertThat((Throwable) refused).as("%s with the password '%s' was let in", user, password).isNotNull();
    }

    private static void assertDenied(Statement sql, String statement) {
        SQLException denied = catchThrowableOfType(SQLException.class, () -> sql.execute(statement));
        assertThat((Throwable) denied).as("%s was allowed", statement).isNotNull();
        assertThat(denied.getSQLState()).as("%s: %s", statement, denied.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
