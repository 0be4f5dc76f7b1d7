package org.budgetledger.standalone;

import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.projection.ProjectionServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Budget Ledger in one process on :8080: the ledger and the projection service, on an embedded
 * PostgreSQL and an in-process Kafka broker whose data lives under {@code budgetledger.data-dir}
 * (default {@code ./data}) — unless {@code spring.datasource.url} / {@code spring.kafka.bootstrap-servers}
 * name external ones.
 */
@SpringBootApplication
@Import({LedgerServiceApplication.class, ProjectionServiceApplication.class})
public class StandaloneLauncher {

    public static void main(String[] args) {
        Running running = start(args);
        System.out.println(StartupBanner.of(running));
        // our own hook closes the application first and the servers under it afterwards
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "standalone-shutdown"));
    }

    /** Starts the embedded servers that are not configured away, then the application on them. */
    static Running start(String[] args) {
        EmbeddedServers servers = EmbeddedServers.startUnlessConfigured(args);
        try {
            SpringApplication application = new SpringApplication(StandaloneLauncher.class);
            application.setDefaultProperties(servers.springProperties());
            application.setRegisterShutdownHook(false);
            return new Running(servers, application.run(args));
        } catch (RuntimeException failed) {
            servers.close();
            throw failed;
        }
    }

    /** The running product: closing it stops the application, then the servers it runs on. */
    record Running(EmbeddedServers servers, ConfigurableApplicationContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            servers.close();
        }
    }
}
