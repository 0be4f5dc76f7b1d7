package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Both services in one process, as the launcher runs them: a transaction posted over HTTP shows in T01. */
class EndToEndTest extends StandaloneIntegrationTest {

    @Test
    void appropriation_and_payment_posted_over_http_show_in_t01() {
        HttpApi api = new HttpApi(port);
        String unit = "U" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/units", Map.of("code", unit, "name", "测试单位")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "a-" + unit, "type", "APPROPRIATE", "unit", unit,
                "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "BASIC",
                "amount", "79059500.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "l-" + unit, "type", "SET_LIMIT", "unit", unit,
                "year", 2023, "date", "2023-01-01", "category", "RECEPTION", "amount", "30000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "p-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-05-10", "line", "a-" + unit, "economic", "30217",
                "amount", "3300.00")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> amount(api, unit, 58).equals("0.33"));
        assertThat(amount(api, unit, 1)).isEqualTo("7905.95");
        assertThat(amount(api, unit, 44)).isEqualTo("0.33");
        assertThat(amount(api, unit, 60)).isEqualTo("7905.62");
        assertThat(api.get("/api/v1/reports/" + unit + "/years").body().path("years").toString()).isEqualTo("[2023]");
    }

    static String amount(HttpApi api, String unit, int line) {
        JsonNode report = api.get("/api/v1/reports/" + unit + "/2023/T01?scale=wanyuan").body();
        for (JsonNode row : report.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row.path("values").path("amount").asText();
            }
        }
        throw new AssertionError("T01 has no line " + line);
    }
}
