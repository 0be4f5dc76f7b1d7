package org.budgetledger.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Parameters and stored amounts at the edges of what a report can compute: a problem answer, never a 5xx. */
class ReportLimitsTest extends ProjectionIntegrationTest {

    private static final List<String> REPORTS = List.of("T01", "T02", "T04", "T06", "T09", "execution", "checks",
            "workbook", "execution/series", "alerts", "commitments");
    private static final String LARGEST_AMOUNT = "999999999999999.99";

    @LocalServerPort
    int port;

    private HttpApi api;
    private String unit;

    @BeforeEach
    void newUnit() {
        api = new HttpApi(port);
        unit = "L" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void instants_and_dates_beyond_any_calendar_a_report_can_use_are_validation_failures() {
        for (String report : REPORTS) {
            for (String query : List.of("knownAt=9223372036854775807", "knownAt=-9223372036854775807",
                    "knownAt=+10000-01-01T00:00:00Z", "asOf=+10000-01-01", "asOf=-0001-12-31")) {
                if (report.equals("execution/series") && query.startsWith("asOf")) {
                    continue; // the series takes months, not asOf
                }
                HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/" + report + "?" + query);
                assertThat(answer.status()).as("%s?%s: %s", report, query, answer.body()).isEqualTo(400);
                assertThat(answer.code()).as("%s?%s", report, query).isEqualTo("VALIDATION_FAILED");
            }
        }
        for (String report : REPORTS) {
            for (String year : List.of("0", "10000", "2147483647")) {
                HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/" + year + "/" + report);
                assertThat(answer.status()).as("year %s, %s: %s", year, report, answer.body()).isEqualTo(400);
            }
        }
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/T01?knownAt=9999-12-31T23:59:59Z&asOf=9999-12-31").status())
                .isEqualTo(200);
        HttpApi.Answer replay = api.post("/api/v1/audit/replays", Map.of("unit", unit, "knownAt", "+10000-01-01T00:00:00Z"));
        assertThat(replay.status()).as("replay: %s", replay.body()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void a_unit_year_stored_beyond_what_reports_can_sum_answers_a_problem_in_every_report(Infrastructure infrastructure)
            throws Exception {
        // what the ledger could store before it limited a unit-year's amounts: two lines, each raised by the
        // largest amount 91 times (each line's budget still fits in a long, their sum does not)
        long sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        Instant recordedAt = Instant.parse("2023-01-10T02:00:00Z");
        List<ObjectNode> events = new ArrayList<>();
        for (String subject : List.of("2140199", "2010499")) {
            String line = "a" + subject + unit;
            events.add(envelope(new BudgetAppropriated(line, unit, 2023, LocalDate.of(2023, 1, 10), "clerk", null, null,
                    line, Fund.GENERAL_BUDGET, subject, Kind.BASIC, null, null, Money.parseYuan(LARGEST_AMOUNT)),
                    ++sequence, recordedAt));
            for (int raise = 1; raise <= 91; raise++) {
                events.add(envelope(new BudgetAdjusted("j" + raise + line, unit, 2023, LocalDate.of(2023, 1, 10).plusDays(raise),
                        "clerk", null, null, line, Fund.GENERAL_BUDGET, subject, Kind.BASIC, null,
                        Money.parseYuan(LARGEST_AMOUNT), "追加"), ++sequence, recordedAt.plusSeconds(raise)));
            }
        }
        WireFormat.publish(infrastructure, unit + ":2023", events);
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T09?minSequence=" + last).status() != 409);

        for (String report : REPORTS) {
            HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/" + report);
            assertThat(answer.status()).as("%s: %s", report, answer.body()).isEqualTo(422);
            assertThat(answer.code()).as(report).isEqualTo("AMOUNT_LIMIT_EXCEEDED");
        }
    }

    private static ObjectNode envelope(LedgerEvent event, long sequence, Instant recordedAt) {
        return WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), sequence, event.eventName(), recordedAt), event);
    }
}
