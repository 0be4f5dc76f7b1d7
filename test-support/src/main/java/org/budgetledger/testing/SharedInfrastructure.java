package org.budgetledger.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the test infrastructure once per JVM (test run) and hands it out. The system property
 * {@code budgetledger.infrastructure} chooses: {@code containers} (Testcontainers: official postgres and
 * apache/kafka images), {@code embedded} (zonky PostgreSQL and an in-process KRaft broker), or
 * {@code auto} (the default: containers when a Docker engine answers, else embedded).
 */
public final class SharedInfrastructure {

    public static final String MODE_PROPERTY = "budgetledger.infrastructure";

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            long startedNanos = System.nanoTime();
            instance = create(System.getProperty(MODE_PROPERTY, "auto"));
            log.info("event=test_infrastructure_started kind={} millis={}", instance.kind(),
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
        return instance;
    }

    /** Points a Spring test context at the shared PostgreSQL and Kafka, with the test users of {@link TestUsers}. */
    public static void register(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = get();
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        TestUsers.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    private static Infrastructure create(String mode) {
        return switch (mode) {
            case "containers" -> new ContainerInfrastructure();
            case "embedded" -> new EmbeddedInfrastructure();
            case "auto", "" -> dockerAvailable() ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be auto, containers or embedded, not " + mode);
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }
}
