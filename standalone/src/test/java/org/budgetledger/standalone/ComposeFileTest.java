package org.budgetledger.standalone;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml has the shape the README promises, checked without a Docker engine. */
class ComposeFileTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_both_services_on_the_official_images_with_health_checks() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "kafka", "ledger-service", "projection-service", "gateway");
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(services.values()).allSatisfy(service -> assertThat(service).containsKey("healthcheck"));
        for (String name : List.of("ledger-service", "projection-service")) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            Path dockerfile = REPOSITORY.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
            String recipe = Files.readString(dockerfile);
            // multi-stage: built on a JDK, run on a JRE, as an unprivileged user, from the jar's layers
            assertThat(recipe).contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre",
                    "USER 10001", "extract --layers");
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn).containsOnlyKeys("postgres", "kafka");
            assertThat(dependsOn.values()).allSatisfy(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
            // issue #16: connected as the application's role, migrating as the schemas' owner, never the superuser
            assertThat(environment).containsEntry("SPRING_DATASOURCE_USERNAME", "budgetledger_app")
                    .containsEntry("BUDGETLEDGER_DATABASE_OWNER_USERNAME", "budgetledger_owner")
                    .containsKeys("SPRING_DATASOURCE_PASSWORD", "BUDGETLEDGER_DATABASE_OWNER_PASSWORD");
            assertThat(environment.values()).noneMatch(value -> value.contains("POSTGRES_USER") || value.contains("POSTGRES_PASSWORD"));
        }
        // the roles are created with the volume (DeployedRolesTest runs the script)
        assertThat((List<String>) services.get("postgres").get("volumes"))
                .contains("./deploy/postgres-roles.sh:/docker-entrypoint-initdb.d/postgres-roles.sh:ro");
        assertThat((List<String>) services.get("ledger-service").get("ports")).containsExactly("8081:8081");
        assertThat((List<String>) services.get("projection-service").get("ports")).containsExactly("8082:8082");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("postgres-data", "kafka-data");
        Map<String, Object> gateway = services.get("gateway");
        assertThat((String) gateway.get("image")).startsWith("nginx:");
        assertThat((List<String>) gateway.get("ports")).containsExactly("8080:8080");
        assertThat((List<String>) gateway.get("volumes")).containsExactly("./deploy/gateway.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat((Map<String, Object>) gateway.get("depends_on")).containsOnlyKeys("ledger-service", "projection-service");
    }
}
