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
        EmbeddedServers servers = EmbeddedServers.startUnlessConfigured(args);
        SpringApplication application = new SpringApplication(StandaloneLauncher.class);
        application.setDefaultProperties(servers.springProperties());
        // our own hook closes the application first and the servers under it afterwards
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = application.run(args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            servers.close();
        }, "standalone-shutdown"));
    }
}
