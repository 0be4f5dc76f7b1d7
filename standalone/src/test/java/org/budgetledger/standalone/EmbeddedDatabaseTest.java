package org.budgetledger.standalone;

import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #16, on the launcher's own PostgreSQL as {@code main} starts it: the cluster admits no one without a
 * password (a forger used to connect over loopback as superuser and read the sealing key with
 * {@code pg_read_file}); the generated passwords and the key are files only their owner may read; and the role
 * the application connects as can read no server file, the key least of all.
 */
class EmbeddedDatabaseTest {

    @TempDir
    static Path dataDirectory;
    private static StandaloneLauncher.Running product;

    @BeforeAll
    static void start() {
        // without the tests' keys: the launcher keeps the key files in the data directory, as in production
        product = StandaloneLauncher.start(Stream.concat(
                Stream.of("--budgetledger.data-dir=" + dataDirectory, "--server.port=0"),
                Arrays.stream(TestUsers.arguments()).filter(argument -> !argument.startsWith("--budgetledger.integrity.key=")
                        && !argument.startsWith("--budgetledger.integrity.signing-key-file=")
                        && !argument.startsWith("--budgetledger.integrity.public-keys-file=")))
                .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void the_cluster_refuses_connections_without_the_password_even_over_loopback() throws IOException {
        for (String user : new String[]{"postgres", "budgetledger_app", "budgetledger_owner"}) {
            for (String password : new String[]{"", "postgres"}) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> {
                    try (Connection ignored = DriverManager.getConnection(url(), user, password)) {
                        // reaching this line is the failure
                    }
                });
                assertThat((Throwable) refused).as("%s with password '%s' was let in", user, password).isNotNull();
            }
        }
    }

    @Test
    void the_generated_passwords_and_the_sealing_key_are_readable_by_their_owner_only() throws IOException {
        for (Path secret : new Path[]{dataDirectory.resolve("integrity.key"), dataDirectory.resolve("signing-key.pem"),
                dataDirectory.resolve("postgres-passwords.properties")}) {
            assertThat(secret).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void the_digests_are_signed_with_the_key_of_the_data_directory_whose_public_key_is_listed_beside_it() throws IOException {
        int port = ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) product.context())
                .getWebServer().getPort();
        String keyId = new org.budgetledger.testing.HttpApi(port).get("/api/v1/audit/digest").body().path("keyId").asText();

        assertThat(Files.readString(dataDirectory.resolve("signing-keys.pub"))).contains(keyId + " ");
        assertThat(Files.readString(dataDirectory.resolve("signing-key.pem"))).contains("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void the_application_s_role_cannot_read_the_sealing_key_from_the_server() throws SQLException, IOException {
        Environment environment = product.context().getEnvironment();
        String keyFile = dataDirectory.resolve("integrity.key").toRealPath().toString();
        try (Connection application = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             PreparedStatement read = application.prepareStatement("SELECT pg_read_file(?)")) {
            read.setString(1, keyFile);
            SQLException refused = catchThrowableOfType(SQLException.class, () -> {
                try (ResultSet ignored = read.executeQuery()) {
                    // reaching this line is the failure
                }
            });
            assertThat((Throwable) refused).as("the application's role read " + keyFile).isNotNull();
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
        }
    }

    private static String url() throws IOException {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(dataDirectory.resolve("ports.properties"))) {
            ports.load(in);
        }
        return "jdbc:postgresql://localhost:" + ports.getProperty("postgres") + "/postgres";
    }
}
