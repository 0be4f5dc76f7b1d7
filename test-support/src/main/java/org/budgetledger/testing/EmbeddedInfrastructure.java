package org.budgetledger.testing;

import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.embedded.EmbeddedKafkaBroker;
import org.budgetledger.embedded.EmbeddedPostgresServer;
import org.budgetledger.embedded.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Zonky's PostgreSQL binaries and an in-process KRaft broker, in a temporary directory. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedPostgresServer postgres;
    private final DatabaseRoles.Logins roles;
    private final EmbeddedKafkaBroker broker;

    EmbeddedInfrastructure() {
        try {
            Path directory = Files.createTempDirectory("budget-ledger-test-");
            postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), 0, true);
            roles = postgres.provisionRoles();
            broker = new EmbeddedKafkaBroker(directory.resolve("kafka"), FreePorts.next(), FreePorts.next()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                postgres.close();
            }, "test-infrastructure-shutdown"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public DatabaseRoles.Logins roles() {
        return roles;
    }

    @Override
    public String superuserUsername() {
        return EmbeddedPostgresServer.SUPERUSER;
    }

    @Override
    public String superuserPassword() {
        return postgres.superuserPassword();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void stopBroker() {
        broker.stop();
    }

    @Override
    public void startBroker() {
        broker.start();
    }

    @Override
    public String kind() {
        return "embedded";
    }
}
