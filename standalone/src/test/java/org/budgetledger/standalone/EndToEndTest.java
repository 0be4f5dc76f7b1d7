package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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

    /**
     * SPEC §14 from the ledger to the reports: a commitment made, paid under, a payment of it refunded, partly released,
     * carried into the next year and paid under there; the projection's commitments (at asOf 31 December, as known
     * now) are the ledger's, and the execution report's committed is the budget line's; the closed year's line shows
     * the commitment to 31 December and not from 1 January, when it is the carry-in line's.
     */
    @Test
    void commitments_posted_to_the_ledger_are_in_the_reports_as_the_ledger_shows_them() {
        HttpApi api = new HttpApi(port);
        String unit = "C" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/units", Map.of("code", unit, "name", "冻结测试单位")).status()).isEqualTo(201);
        post(api, Map.of("id", "a-" + unit, "type", "APPROPRIATE", "unit", unit, "year", 2023, "date", "2023-01-10",
                "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT", "project", "信息化建设",
                "amount", "1000000.00"));
        post(api, Map.of("id", "c-" + unit, "type", "COMMIT", "unit", unit, "year", 2023, "date", "2023-02-01",
                "line", "a-" + unit, "amount", "300000.00", "contract", "HT-1", "payee", "某软件公司",
                "schedule", List.of(Map.of("date", "2023-06-30", "amount", "100000.00"),
                        Map.of("date", "2023-11-30", "amount", "200000.00"))));
        post(api, Map.of("id", "pc-" + unit, "type", "PAY", "unit", unit, "year", 2023, "date", "2023-07-10",
                "line", "a-" + unit, "economic", "30201", "amount", "50000.00", "commitment", "c-" + unit));
        post(api, Map.of("id", "r-" + unit, "type", "REFUND", "unit", unit, "year", 2023, "date", "2023-08-01",
                "payment", "pc-" + unit, "amount", "10000.00"));
        post(api, Map.of("id", "x-" + unit, "type", "RELEASE", "unit", unit, "year", 2023, "date", "2023-09-01",
                "commitment", "c-" + unit, "amount", "20000.00"));

        String reported = "/api/v1/reports/" + unit + "/2023/commitments?asOf=2023-12-31";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(reported).body().path(0).path("released").asText()
                .equals("20000.00"));
        JsonNode ledger = api.get("/api/v1/commitments?unit=" + unit + "&year=2023").body().path(0);
        JsonNode report = api.get(reported).body().path(0);
        for (String field : List.of("id", "line", "contract", "payee", "amount", "paid", "released", "open", "schedule")) {
            assertThat(report.path(field)).as(field).isEqualTo(ledger.path(field));
        }
        assertThat(report.path("open").asText()).isEqualTo("230000.00");
        JsonNode line = api.get("/api/v1/budget-lines/a-" + unit + "?unit=" + unit).body();
        assertThat(committed(api, unit, 2023, "2023-12-31", "current_fiscal")).isEqualTo(line.path("committed").asText())
                .isEqualTo("230000.00");

        post(api, Map.of("id", "co-" + unit, "type", "CARRY_OVER", "unit", unit, "year", 2023));
        JsonNode carried = api.get("/api/v1/commitments?unit=" + unit + "&year=2024").body().path(0);
        post(api, Map.of("id", "p24-" + unit, "type", "PAY", "unit", unit, "year", 2024, "date", "2024-01-20",
                "line", carried.path("line").asText(), "economic", "30201", "amount", "30000.00", "commitment", "c-" + unit));
        String nextYear = "/api/v1/reports/" + unit + "/2024/commitments?asOf=2024-12-31";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(nextYear).body().path(0).path("paid").asText()
                .equals("30000.00"));
        JsonNode ledgerNext = api.get("/api/v1/commitments?unit=" + unit + "&year=2024").body().path(0);
        JsonNode reportNext = api.get(nextYear).body().path(0);
        for (String field : List.of("id", "line", "amount", "paid", "released", "open", "schedule")) {
            assertThat(reportNext.path(field)).as("2024 " + field).isEqualTo(ledgerNext.path(field));
        }
        assertThat(committed(api, unit, 2024, "2024-12-31", "carried_in")).isEqualTo("200000.00");
        // the closed year still shows what was open on 31 December; from 1 January the commitment is the next year's
        assertThat(committed(api, unit, 2023, "2023-12-31", "current_fiscal")).isEqualTo("230000.00");
        assertThat(committed(api, unit, 2023, "2024-01-01", "current_fiscal")).isEqualTo("0.00");
        assertThat(committed(api, unit, 2023, "2024-01-01", "all")).isEqualTo("0.00");
        JsonNode moved = api.get("/api/v1/reports/" + unit + "/2023/commitments?asOf=2024-01-01").body().path(0);
        assertThat(List.of(moved.path("carriedOver").asText(), moved.path("open").asText()))
                .containsExactly("230000.00", "0.00");
    }

    private static void post(HttpApi api, Map<String, ?> transaction) {
        HttpApi.Answer answer = api.post("/api/v1/transactions", transaction);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    }

    private static String committed(HttpApi api, String unit, int year, String asOf, String part) {
        JsonNode report = api.get("/api/v1/reports/" + unit + "/" + year + "/execution?asOf=" + asOf).body();
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals("信息化建设") && row.path("part").asText().equals(part)) {
                return row.path("values").path("committed").asText();
            }
        }
        throw new AssertionError("no row 信息化建设 " + part + " in " + report);
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
