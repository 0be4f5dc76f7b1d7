package org.budgetledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (zonky's packaged binaries) in a child process, on a data directory that
 * survives restarts unless it is asked to start clean.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; initialised on first use
     * @param port          0 for any free port
     * @param clean         whether to wipe the data directory first (tests); a clean cluster is also run
     *                      without fsync, a kept one durably
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean) {
        try {
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
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException failed) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, failed);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
