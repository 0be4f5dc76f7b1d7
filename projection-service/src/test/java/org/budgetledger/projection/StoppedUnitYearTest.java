package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the projection cannot apply however often it tries (a deterministic data error: here a project name longer
 * than the read model holds) stops its unit-year, visibly, instead of stopping every unit-year by retrying forever or
 * skipping it silently: the unit-year keeps its figures from before the event, its later events are held behind it, the
 * other unit-years go on; health names it; once the cause is fixed, re-processing applies what was held, in order.
 */
class StoppedUnitYearTest extends ProjectionIntegrationTest {

    private static final Instant JANUARY = Instant.parse("2023-01-10T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private String unit;
    private String other;
    private long sequence;

    @BeforeEach
    void units() {
        api = new HttpApi(port);
        unit = "S" + UUID.randomUUID().toString().substring(0, 8);
        other = "S" + UUID.randomUUID().toString().substring(0, 8);
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    @Test
    void an_event_that_cannot_be_applied_stops_its_unit_year_alone_visibly_until_reprocessed(Infrastructure infrastructure)
            throws Exception {
        ObjectNode first = value(appropriated(unit, "a1", "信息化", "10.00"));
        ObjectNode unappliable = value(appropriated(unit, "a2", "项".repeat(300), "20.00"));
        long stoppedAt = sequence;
        ObjectNode behind = value(appropriated(unit, "a3", "信息化", "40.00"));
        long behindSequence = sequence;
        ObjectNode elsewhere = value(appropriated(other, "a1", "信息化", "80.00"));
        long elsewhereSequence = sequence;

        WireFormat.publish(infrastructure, unit + ":2023", List.of(first, unappliable, behind));
        WireFormat.publish(infrastructure, other + ":2023", List.of(elsewhere));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/reports/" + other + "/2023/T01?minSequence="
                + elsewhereSequence).status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldCount() == 2);
        // the unit-year stands where it stood before the event: nothing after it is applied, nothing skipped
        assertThat(cell(api.get("/api/v1/reports/" + unit + "/2023/T01").body(), 1)).isEqualTo("10.00");
        HttpApi.Answer stale = api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + behindSequence);
        assertThat(stale.code()).isEqualTo("NOT_YET_APPLIED");
        JsonNode stopped = stoppedUnitYear();
        assertThat(stopped.path("sequence").asLong()).isEqualTo(stoppedAt);
        assertThat(stopped.path("heldEvents").asInt()).isEqualTo(2);
        assertThat(stopped.path("error").asText()).isNotBlank();

        // a version that can apply it (here: the event's value put right by hand) applies what was held, in order
        jdbc.sql("UPDATE projection.held_event SET value = convert_to(replace(convert_from(value, 'UTF8'), ?, '信息化'), 'UTF8')"
                + " WHERE unit = ? AND year = 2023").params("项".repeat(300), unit).update();
        JsonNode reprocessed = api.postRaw("/api/v1/projection/parked-events:reprocess", "").body();
        assertThat(reprocessed.path("resumedEvents").asInt()).as(reprocessed.toString()).isEqualTo(2);
        assertThat(heldCount()).isZero();
        HttpApi.Answer fresh = api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + behindSequence);
        assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(200);
        assertThat(cell(fresh.body(), 1)).isEqualTo("70.00");
    }

    private JsonNode stoppedUnitYear() {
        JsonNode health = api.get("/actuator/health").body();
        for (JsonNode stopped : health.path("components").path("projection").path("details").path("stoppedUnitYears")) {
            if (stopped.path("unit").asText().equals(unit) && stopped.path("year").asInt() == 2023) {
                return stopped;
            }
        }
        throw new AssertionError("no stopped unit-year " + unit + " 2023 in " + health);
    }

    private long heldCount() {
        return jdbc.sql("SELECT count(*) FROM projection.held_event WHERE unit = ?").param(unit).query(Long.class).single();
    }

    private BudgetAppropriated appropriated(String of, String id, String project, String amount) {
        return new BudgetAppropriated(id + of, of, 2023, LocalDate.parse("2023-01-10"), "clerk", null, null, id + of,
                Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, project, null, Money.parseYuan(amount));
    }

    private ObjectNode value(LedgerEvent event) {
        return WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), ++sequence, event.eventName(), JANUARY), event);
    }

    private static String cell(JsonNode report, int line) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row.path("values").path("amount").asText();
            }
        }
        throw new AssertionError("no row " + line + " in " + report);
    }
}
