package org.budgetledger.testing;

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
    private final EmbeddedKafkaBroker broker;

    EmbeddedInfrastructure() {
        try {
            Path directory = Files.createTempDirectory("budget-ledger-test-");
            postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), 0, true);
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
    public String username() {
        return EmbeddedPostgresServer.USER;
    }

    @Override
    public String password() {
        return "";
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
