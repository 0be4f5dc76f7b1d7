package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator relies on: health and readiness that reflect reality, metrics, the API description. */
class OperationsTest extends StandaloneIntegrationTest {

    @Test
    void health_is_public_and_shows_its_parts_to_an_administrator() {
        assertThat(HttpApi.anonymous(port).get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
        assertThat(HttpApi.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        JsonNode components = new HttpApi(port).get("/actuator/health").body().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("publisher").path("details").has("backlog")).isTrue();
        assertThat(components.path("projection").path("details").has("lastAppliedSequence")).isTrue();
    }

    @Test
    void readiness_goes_down_while_the_broker_is_unreachable_and_comes_back(Infrastructure infrastructure) {
        HttpApi anonymous = HttpApi.anonymous(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
        infrastructure.stopBroker();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/actuator/health/readiness").status() == 503);
        } finally {
            infrastructure.startBroker();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
    }

    @Test
    void metrics_count_transactions_by_type_and_outcome() {
        HttpApi admin = new HttpApi(port);
        admin.post("/api/v1/units", Map.of("code", "OPS", "name", "运维单位"));
        admin.post("/api/v1/transactions", Map.of("id", "ops-pay-" + System.nanoTime(), "type", "PAY", "unit", "OPS",
                "year", 2023, "date", "2023-02-01", "line", "none", "economic", "30201", "amount", "1.00"));

        String metrics = admin.getText("/actuator/prometheus");

        assertThat(metrics).contains("budgetledger_transactions_total{code=\"UNKNOWN_LINE\",outcome=\"rejected\",type=\"PAY\"",
                "budgetledger_publisher_backlog", "budgetledger_projection_sequence", "budgetledger_posting_duration_seconds");
        assertThat(HttpApi.as(port, "viewer-all").get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void the_api_is_described_in_openapi_for_everyone() {
        JsonNode api = HttpApi.anonymous(port).get("/v3/api-docs").body();
        assertThat(api.path("paths").has("/api/v1/transactions")).isTrue();
        assertThat(api.path("paths").has("/api/v1/reports/{unit}/{year}/{table}")).isTrue();
        assertThat(api.path("components").path("securitySchemes").has("basic")).isTrue();
        JsonNode examples = api.path("paths").path("/api/v1/transactions").path("post").path("requestBody").path("content")
                .path("application/json").path("examples");
        assertThat(examples.findValues("value").stream().map(value -> value.path("type").asText()).distinct().sorted().toList())
                .as("an example of every transaction type")
                .containsExactly("ADJUST", "APPROPRIATE", "CARRY_OVER", "COMMIT", "DISTRIBUTE_SURPLUS", "OPENING_BALANCE", "PAY",
                        "RECEIVE", "REFUND", "RELEASE", "SET_LIMIT", "TRANSFER", "USE_RESERVE");
        assertThat(api.path("info").path("description").asText()).contains("`INSUFFICIENT_BALANCE` | 409",
                "`COMMITMENT_EXCEEDED` | 409", "`UNKNOWN_COMMITMENT` | 422", "`COMMITMENT_MISMATCH` | 422");
        assertThat(examples.findValues("value").stream().filter(value -> value.path("type").asText().equals("PAY"))
                .map(value -> value.path("commitment").asText()).toList()).as("a PAY under a commitment").contains("k1");
        JsonNode reports = api.path("paths").path("/api/v1/reports/{unit}/{year}/{table}").path("get").path("responses")
                .path("200").path("content").path("application/json").path("examples");
        assertThat(reports.size()).as("an example per report").isEqualTo(10);
        assertThat(reports.path("T01").path("value").path("rows").findValuesAsText("name"))
                .contains("一、一般公共预算财政拨款收入", "十三、交通运输支出");
    }
}
