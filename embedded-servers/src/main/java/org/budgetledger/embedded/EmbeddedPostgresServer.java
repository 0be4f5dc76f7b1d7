package org.budgetledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.budgetledger.contracts.integrity.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's packaged binaries) in a child process, on a data directory that
 * survives restarts unless it is asked to start clean.
 *
 * <p>Every connection proves a password, loopback ones too (issue #16: a trusted loopback connection was a
 * superuser that could read the sealing key with {@code pg_read_file}). The superuser's password, and those of
 * the services' roles ({@link DatabaseRoles}), are generated on first start and kept beside the cluster in
 * {@value #PASSWORDS_FILE}, readable by its owner only. A cluster an older version created trusts loopback
 * connections: on its first start here its superuser gets a password and every {@code trust} in
 * {@code pg_hba.conf} becomes {@code scram-sha-256}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";
    /** Beside the cluster's directory, not in it: initdb wants that directory empty. */
    public static final String PASSWORDS_FILE = "postgres-passwords.properties";
    static final String PASSWORD_METHOD = "scram-sha-256";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** A pg_hba.conf line (not a comment) whose authentication method is trust. */
    private static final Pattern TRUST = Pattern.compile("^(\\s*[^#\\s].*\\s)trust(\\s.*)?$");
    private static final Duration RELOAD_WAIT_MAX = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final GeneratedPasswords passwords;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, GeneratedPasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    /**
     * @param dataDirectory where the cluster lives; initialised on first use
     * @param port          0 for any free port
     * @param clean         whether to wipe the data directory first (tests); a clean cluster is also run
     *                      without fsync, a kept one durably
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean) {
        Path passwordsFile = dataDirectory.toAbsolutePath().resolveSibling(PASSWORDS_FILE);
        Path initialPassword = null;
        try {
            boolean created = clean || !Files.exists(dataDirectory.resolve("postgresql.conf"));
            if (clean) {
                Files.deleteIfExists(passwordsFile);
            }
            if (!created && !Files.exists(passwordsFile) && !trusting(dataDirectory)) {
                throw new IllegalStateException("the PostgreSQL cluster in " + dataDirectory + " asks for passwords, and "
                        + passwordsFile + ", which holds them, is missing: restore it from the backup of the data directory");
            }
            GeneratedPasswords passwords = GeneratedPasswords.in(passwordsFile);
            String superuserPassword = passwords.of(SUPERUSER);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    // its owner stops it, after the application that uses it; a hook of its own would race that
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // zonky starts PostgreSQL with -F (no fsync) and synchronous_commit=off, which suits throw-away
                    // test clusters; a kept cluster holds a ledger: each commit is on disk before it is acknowledged
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .setServerConfig("synchronous_commit", clean ? "off" : "on")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    // zonky's own readiness check connects as the superuser
                    .setConnectConfig("password", superuserPassword);
            if (created) {
                // initdb options: these come after zonky's "-A trust", and initdb takes the last one
                initialPassword = passwordsFile.resolveSibling("postgres-initdb.password");
                SecretFile.write(initialPassword, superuserPassword + "\n");
                builder.setLocaleConfig("auth", PASSWORD_METHOD).setLocaleConfig("pwfile", initialPassword.toString());
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), passwords);
            if (trusting(dataDirectory)) {
                server.requirePasswords(dataDirectory);
            }
            return server;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, failed);
        } finally {
            deleteQuietly(initialPassword);
        }
    }

    /** Without a user: the user and password go as connection properties, not in a URL that may be logged. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** For tests and tools that must act as the superuser (tampering on purpose, provisioning). */
    public String superuserPassword() {
        return passwords.of(SUPERUSER);
    }

    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, superuserPassword());
    }

    /** Creates or updates the services' roles ({@link DatabaseRoles}), with passwords kept beside the cluster. */
    public DatabaseRoles.Logins provisionRoles() {
        try (Connection superuser = superuserConnection()) {
            return DatabaseRoles.provision(superuser, passwords.of(DatabaseRoles.OWNER), passwords.of(DatabaseRoles.APPLICATION));
        } catch (SQLException failed) {
            throw new IllegalStateException("could not provision the database roles of the embedded PostgreSQL", failed);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * An older version's cluster trusts every loopback connection: its superuser gets the generated password,
     * pg_hba.conf asks for passwords instead of trusting, and the server reloads it. Returns once a connection
     * without a password is refused.
     */
    private void requirePasswords(Path dataDirectory) throws IOException {
        try (Connection superuser = superuserConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("SET password_encryption = '" + PASSWORD_METHOD + "'");
            sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + DatabaseRoles.literal(superuserPassword()));
            Path hba = dataDirectory.resolve("pg_hba.conf");
            List<String> lines = Files.readAllLines(hba).stream()
                    .map(line -> TRUST.matcher(line).replaceAll("$1" + PASSWORD_METHOD + "$2")).toList();
            Files.write(hba, lines);
            sql.execute("SELECT pg_reload_conf()");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not give the superuser of the PostgreSQL cluster in " + dataDirectory
                    + " a password", failed);
        }
        awaitPasswordsRequired(dataDirectory);
        log.warn("event=embedded_postgres_passwords_required directory={} passwords={} note=\"the cluster trusted loopback "
                + "connections; from now on every connection needs its role's password\"", dataDirectory, passwords.file());
    }

    /** The postmaster reloads pg_hba.conf on its own time after pg_reload_conf(). */
    private void awaitPasswordsRequired(Path dataDirectory) {
        long deadlineNanos = System.nanoTime() + RELOAD_WAIT_MAX.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(), SUPERUSER, "")) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("the PostgreSQL cluster in " + dataDirectory + " still admits connections "
                            + "without a password " + RELOAD_WAIT_MAX.toSeconds() + " s after pg_hba.conf was changed");
                }
            } catch (SQLException refused) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster reloaded pg_hba.conf", stop);
            }
        }
    }

    private static boolean trusting(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream().anyMatch(line -> TRUST.matcher(line).matches());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file, owner-only, in the data directory; the next start makes another
            }
        }
    }
}
