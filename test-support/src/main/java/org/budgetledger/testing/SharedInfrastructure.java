package org.budgetledger.testing;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

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
        properties().forEach((name, value) -> registry.add(name, () -> value));
        TestUsers.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The settings that point a service at the shared PostgreSQL and Kafka as production does: connected as the
     * application's role, migrating as the schemas' owner.
     */
    public static Map<String, String> properties() {
        Infrastructure infrastructure = get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", infrastructure.jdbcUrl());
        properties.put("spring.datasource.username", infrastructure.username());
        properties.put("spring.datasource.password", infrastructure.password());
        properties.put("budgetledger.database.owner-username", infrastructure.ownerUsername());
        properties.put("budgetledger.database.owner-password", infrastructure.ownerPassword());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        return properties;
    }

    /** The shared database as its superuser, for tests that tamper with the store on purpose. */
    public static DataSource superuser() {
        Infrastructure infrastructure = get();
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setURL(infrastructure.jdbcUrl());
        superuser.setUser(infrastructure.superuserUsername());
        superuser.setPassword(infrastructure.superuserPassword());
        return superuser;
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
