package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SPEC §13's {@code scope} parameter on every report endpoint: its values, its default, its place in the bodies. */
class ReportScopeTest extends ProjectionIntegrationTest {

    private static final List<String> REPORTS = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09",
            "execution", "checks", "workbook", "execution/series");

    @LocalServerPort
    int port;

    private HttpApi api;
    private String unit;

    @BeforeEach
    void newUnit() {
        api = new HttpApi(port);
        unit = "S" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_scope_other_than_department_or_unit_is_a_validation_failure_naming_scope() {
        for (String report : REPORTS) {
            for (String scope : List.of("units", "DEPARTMENT", "all", "unit,department")) {
                HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/" + report + "?scope=" + scope);
                assertThat(answer.status()).as("%s?scope=%s: %s", report, scope, answer.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
                assertThat(answer.body().path("errors").findValuesAsText("field")).as(report).containsExactly("scope");
            }
        }
    }

    @Test
    void every_body_names_its_scope_and_a_unit_without_descendants_has_the_same_report_in_both(Infrastructure infrastructure)
            throws Exception {
        long sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        Instant recordedAt = Instant.parse("2023-02-01T02:00:00Z");
        String line = "a" + unit;
        String other = "O" + unit;
        WireFormat.publish(infrastructure, unit + ":2023", List.of(
                envelope(new BudgetAppropriated(line, unit, 2023, LocalDate.of(2023, 2, 1), "clerk", null, null, line,
                        Fund.BUSINESS, "2140199", Kind.SUBSIDY_AFFILIATE, null, null, Money.parseYuan("500.00")), ++sequence, recordedAt),
                envelope(new PaymentMade("p" + unit, unit, 2023, LocalDate.of(2023, 3, 1), "clerk", null, null, line,
                        LineOrigin.APPROPRIATION, Fund.BUSINESS, "2140199", Kind.SUBSIDY_AFFILIATE, null, "30399",
                        Money.parseYuan("120.00"), null, null, other), ++sequence, recordedAt.plusSeconds(1)),
                envelope(new IncomeReceived("r" + unit, unit, 2023, LocalDate.of(2023, 3, 2), "clerk", null, null,
                        Fund.AFFILIATE, "2140199", Money.parseYuan("30.00"), other), ++sequence, recordedAt.plusSeconds(2))));
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T03?minSequence=" + last).status() != 409);

        for (String report : List.of("T01", "T03", "T09", "execution", "checks", "execution/series")) {
            String path = "/api/v1/reports/" + unit + "/2023/" + report + "?knownAt=2024-01-01T00:00:00Z";
            JsonNode byDefault = api.get(path).body();
            JsonNode department = api.get(path + "&scope=department").body();
            JsonNode own = api.get(path + "&scope=unit").body();
            assertThat(byDefault.path("scope").asText()).as(report).isEqualTo("department");
            assertThat(department.path("scope").asText()).as(report).isEqualTo("department");
            assertThat(own.path("scope").asText()).as(report).isEqualTo("unit");
            ((ObjectNode) own).put("scope", "department");
            assertThat(own).as("%s of a unit without descendants", report).isEqualTo(department).isEqualTo(byDefault);
        }
        JsonNode expenditure = api.get("/api/v1/reports/" + unit + "/2023/T03?knownAt=2024-01-01T00:00:00Z").body();
        assertThat(expenditure.path("rows").get(0).path("values").path("subsidy_affiliate").asText())
                .as("a flow with a unit outside the department stays").isEqualTo("120.00");
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/checks").body().path("checks").findValuesAsText("name"))
                .as("no flow inside a department of one unit").doesNotContain("内部往来核对");
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/workbook?scope=unit").status()).isEqualTo(200);
    }

    private static ObjectNode envelope(LedgerEvent event, long sequence, Instant recordedAt) {
        return WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), sequence, event.eventName(), recordedAt), event);
    }
}
