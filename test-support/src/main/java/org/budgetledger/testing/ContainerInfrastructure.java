package org.budgetledger.testing;

import org.budgetledger.embedded.DatabaseRoles;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The official {@code postgres} and {@code apache/kafka} images. The image's user is the superuser; the services'
 * roles are provisioned as on the embedded server. The broker is "stopped" by pausing its container, which keeps
 * its address and data, as a network partition would.
 */
final class ContainerInfrastructure implements Infrastructure {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(POSTGRES_IMAGE);
    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final DatabaseRoles.Logins roles;

    ContainerInfrastructure() {
        postgres.start();
        kafka.start();
        try (Connection superuser = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword())) {
            roles = DatabaseRoles.provision(superuser, DatabaseRoles.newPassword(), DatabaseRoles.newPassword());
        } catch (SQLException failed) {
            throw new IllegalStateException("could not provision the database roles in the postgres container", failed);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public DatabaseRoles.Logins roles() {
        return roles;
    }

    @Override
    public String superuserUsername() {
        return postgres.getUsername();
    }

    @Override
    public String superuserPassword() {
        return postgres.getPassword();
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void stopBroker() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startBroker() {
        DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public String kind() {
        return "containers";
    }
}
