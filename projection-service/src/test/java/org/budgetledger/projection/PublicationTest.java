package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.events.Activity;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.Procurement;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTable;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publication on the projection (SPEC §15): what the payments disclose (政府采购 less its refunds, the counts), the
 * profile and the reference as known at knownAt, last year from the ledger once it is there, the ledger position of
 * the last event applied by knownAt with the hash it carried; read as the reports are, a unit the caller may not read
 * answering 404.
 */
class PublicationTest extends ProjectionIntegrationTest {

    private static final Instant START = Instant.parse("2023-03-01T00:00:00Z");

    @LocalServerPort
    int port;

    private HttpApi api;
    private String unit;
    private long sequence;

    @BeforeEach
    void newUnit() {
        api = new HttpApi(port);
        unit = "PB" + UUID.randomUUID().toString().substring(0, 8);
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    @Test
    void procurement_less_its_refunds_the_counts_and_the_profile_and_reference_as_known_at_knownAt(Infrastructure infrastructure)
            throws Exception {
        String line = "a" + unit;
        publish(infrastructure, unit + ":2023", List.of(
                new BudgetAppropriated(line, unit, 2023, LocalDate.of(2023, 2, 1), "clerk", null, null, line, Fund.GENERAL_BUDGET,
                        "2140199", Kind.PROJECT, "信息化", null, Money.parseYuan("10000000.00")),
                payment("g1", line, "31002", "1000000.00", new Procurement(ProcurementCategory.GOODS, ProcurementAward.SMALL_MICRO), null),
                payment("s1", line, "30227", "2000000.00", new Procurement(ProcurementCategory.SERVICES, ProcurementAward.NONE), null),
                payment("r1", line, "30217", "3250.00", null, new Activity(2, 15))), 0);
        publish(infrastructure, unit + ":2023:profile", List.of(profile("第一稿职责")), 10);
        publish(infrastructure, unit + ":2023:reference", List.of(new ReferenceTablesRecorded(unit, 2023, 2022, "WANYUAN",
                List.of(new ReferenceTable("T01", List.of("side", "line", "item", "amount"),
                        List.of(List.of("income", "31", "总计", "20000000.00")))), "admin")), 20);
        publish(infrastructure, unit + ":2023", List.of(new PaymentRefunded("x1", unit, 2023, LocalDate.of(2023, 6, 1), "clerk", null,
                null, "g1", line, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "信息化", "31002",
                Money.parseYuan("400000.00"))), 30);
        // published under its unit-year's key since SPEC §5 was kept for them; the ones above under the store's
        // three-part aggregate, as records published before carry it: the projection reads both
        publish(infrastructure, unit + ":2023", List.of(profile("第二稿职责")), 40);
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path("json", null) + "&minSequence=" + last).status() == 200);

        Map<String, String> now = figures(api.get(path("json", null)).body());
        assertThat(now).containsEntry("procurement_goods", "60.00").containsEntry("procurement_goods_sme_share", "100.00")
                .containsEntry("procurement_services", "200.00").containsEntry("procurement_total", "260.00")
                .containsEntry("procurement_small_micro", "60.00").containsEntry("procurement_sme_share", "23.08")
                .containsEntry("reception_batches", "2").containsEntry("reception_persons", "15")
                .containsEntry("functions", "第二稿职责")
                .containsEntry("total", "1000.00").containsEntry("total_change", "1000.00").containsEntry("total_trend", "减少")
                .containsEntry("total_change_pct", "50.00");
        Map<String, String> before = figures(api.get(path("json", START.plusSeconds(25).toString())).body());
        assertThat(before).containsEntry("functions", "第一稿职责").containsEntry("procurement_goods", "100.00");
        Map<String, String> noReference = figures(api.get(path("json", START.plusSeconds(15).toString())).body());
        assertThat(noReference).doesNotContainKey("total_change");
        JsonNode publication = api.get(path("json", null)).body();
        assertThat(publication.path("previousYear").asInt()).isEqualTo(2022);
        assertThat(publication.path("previousFromReference").asBoolean()).isTrue();
    }

    @Test
    void the_publication_states_the_last_event_applied_by_knownAt_with_the_hash_it_carried(Infrastructure infrastructure)
            throws Exception {
        String line = "a" + unit;
        BudgetAppropriated appropriated = new BudgetAppropriated(line, unit, 2023, LocalDate.of(2023, 2, 1), "clerk", null, null,
                line, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("100.00"));
        long own = ++sequence;
        // far in the future, so that no other test's event is recorded after it
        Instant recordedAt = Instant.parse("2099-06-01T00:00:00Z");
        String hash = "ab".repeat(32);
        ObjectNode value = WireFormat.RECORDS.value(new EventEnvelope(UUID.randomUUID().toString(), own, appropriated.eventName(),
                recordedAt), (ObjectNode) WireFormat.JSON.valueToTree(appropriated), new EventRecords.Integrity("cd".repeat(32), hash));
        WireFormat.publish(infrastructure, unit + ":2023", List.of(value));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path("json", null) + "&minSequence=" + own).status() == 200);

        JsonNode publication = api.get(path("json", "2099-06-01T00:00:01Z")).body();

        assertThat(publication.path("position").path("sequence").asLong()).isEqualTo(own);
        assertThat(publication.path("position").path("hash").asText()).isEqualTo(hash);
        assertThat(publication.path("stamp").asText()).contains("序号 " + own + "，哈希 " + hash, "截至 2023-12-31");
    }

    @Test
    void last_year_in_the_ledger_is_compared_with_and_a_unit_the_caller_may_not_read_is_not_found(Infrastructure infrastructure)
            throws Exception {
        publish(infrastructure, unit + ":2022", List.of(new BudgetAppropriated("a22", unit, 2022, LocalDate.of(2022, 2, 1), "clerk",
                null, null, "a22", Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("400000.00"))), 0);
        publish(infrastructure, unit + ":2023", List.of(new BudgetAppropriated("a23", unit, 2023, LocalDate.of(2023, 2, 1), "clerk",
                null, null, "a23", Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("500000.00"))), 1);
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path("json", null) + "&minSequence=" + last).status() == 200);

        JsonNode publication = api.get(path("json", null)).body();
        Map<String, String> figures = figures(publication);

        assertThat(publication.path("previousFromReference").asBoolean()).isFalse();
        assertThat(figures).containsEntry("income_total", "50.00").containsEntry("income_total_change", "10.00")
                .containsEntry("income_total_change_pct", "25.00").containsEntry("income_total_trend", "增加");
        assertThat(HttpApi.as(port, "viewer-a").get(path("html", null)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/publications/" + unit + "/2023?format=pdf").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(path("docx", null)).status()).isEqualTo(200);
    }

    private String path(String format, String knownAt) {
        return "/api/v1/publications/" + unit + "/2023?scope=unit&format=" + format + (knownAt == null ? "" : "&knownAt=" + knownAt);
    }

    /** Every figure the document prints, by name (an item's figures by the name they have in their item: the last one). */
    private static Map<String, String> figures(JsonNode publication) {
        Map<String, String> figures = new HashMap<>();
        publication.findValues("segments").forEach(segments -> segments.forEach(segment -> {
            if (segment.path("type").asText().equals("figure")) {
                figures.put(segment.path("figure").asText(), segment.path("text").asText());
            }
        }));
        return figures;
    }

    private PaymentMade payment(String id, String line, String economic, String amount, Procurement procurement, Activity activity) {
        return new PaymentMade(id, unit, 2023, LocalDate.of(2023, 5, 1), "clerk", null, null, line, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "信息化", economic, Money.parseYuan(amount), null, null, null, null,
                procurement, activity);
    }

    private UnitYearProfileSet profile(String functions) {
        return new UnitYearProfileSet(unit, 2023, functions, null, null, null, null, "admin");
    }

    /** The events under one key, recorded a second apart from {@code START + offsetSeconds} on. */
    private void publish(Infrastructure infrastructure, String key, List<RecordedEvent> events, long offsetSeconds) throws Exception {
        List<ObjectNode> values = new java.util.ArrayList<>();
        Instant recordedAt = START.plusSeconds(offsetSeconds);
        for (RecordedEvent event : events) {
            values.add(WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), ++sequence, event.eventName(), recordedAt), event));
            recordedAt = recordedAt.plusSeconds(1);
        }
        WireFormat.publish(infrastructure, key, values);
    }
}
