package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection fed through a real broker with events in the published wire format (as the ledger
 * writes them), read back through the report API.
 */
class ProjectionTest extends ProjectionIntegrationTest {

    private static final String TOPIC = WireFormat.TOPIC;
    private static final Instant JANUARY = Instant.parse("2023-01-10T02:00:00Z");
    private static final Instant MARCH = Instant.parse("2023-03-01T02:00:00Z");
    private static final Instant JUNE = Instant.parse("2023-06-01T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Value("${budgetledger.projection.group-id}")
    String groupId;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private HttpApi api;
    private String unit;
    private long sequence;

    @BeforeEach
    void newUnit() {
        api = new HttpApi(port);
        unit = "U" + UUID.randomUUID().toString().substring(0, 8);
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    @Test
    void t01_shows_appropriations_and_payments_as_of_a_date_and_as_known_at_an_instant(Infrastructure infrastructure) throws Exception {
        publish(infrastructure, List.of(
                envelope(appropriated("a1", "2023-01-10", Fund.GENERAL_BUDGET, "2140199", "1000000.00"), JANUARY),
                envelope(paid("p1", "2023-03-01", "2140199", "2500.50"), MARCH),
                envelope(paid("p2", "2023-06-01", "2010499", "100.00"), JUNE)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cell(t01(""), 58).equals("2600.50"));

        JsonNode yearEnd = t01("");
        assertThat(cell(yearEnd, 1)).isEqualTo("1000000.00");
        assertThat(cell(yearEnd, 27)).isEqualTo("1000000.00");
        assertThat(cell(yearEnd, 31)).isEqualTo("1000000.00");
        assertThat(cell(yearEnd, 32)).isEqualTo("100.00");
        assertThat(cell(yearEnd, 44)).isEqualTo("2500.50");
        assertThat(cell(yearEnd, 60)).isEqualTo("997399.50");
        assertThat(cell(yearEnd, 62)).isEqualTo("1000000.00");
        assertThat(yearEnd.path("rows")).hasSize(12 + 30);

        JsonNode endOfMarch = t01("asOf=2023-03-31");
        assertThat(cell(endOfMarch, 58)).isEqualTo("2500.50");
        assertThat(endOfMarch.path("asOf").asText()).isEqualTo("2023-03-31");

        JsonNode knownInFebruary = t01("knownAt=2023-02-01T00:00:00Z");
        assertThat(cell(knownInFebruary, 1)).isEqualTo("1000000.00");
        assertThat(cell(knownInFebruary, 58)).isEqualTo("0.00");

        JsonNode wanyuan = t01("scale=wanyuan");
        assertThat(cell(wanyuan, 1)).isEqualTo("100.00");
        assertThat(cell(wanyuan, 58)).isEqualTo("0.26");
    }

    @Test
    void redelivered_events_and_a_consumer_restart_from_the_beginning_count_nothing_twice(Infrastructure infrastructure) throws Exception {
        List<ObjectNode> events = List.of(
                envelope(appropriated("a1", "2023-01-10", Fund.GENERAL_BUDGET, "2080505", "500.00"), JANUARY),
                envelope(paid("p1", "2023-03-01", "2080505", "120.00"), MARCH));
        publish(infrastructure, events);
        await().atMost(Duration.ofSeconds(30)).until(() -> cell(t01(""), 58).equals("120.00"));

        publish(infrastructure, events);
        MessageListenerContainer container = listeners.getListenerContainer("projection");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        rewindConsumerGroup(infrastructure);
        container.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> consumerGroupCaughtUp(infrastructure));
        JsonNode report = t01("");
        assertThat(cell(report, 1)).isEqualTo("500.00");
        assertThat(cell(report, 39)).isEqualTo("120.00");
        assertThat(cell(report, 58)).isEqualTo("120.00");
    }

    @Test
    void every_event_type_lands_in_its_t01_row(Infrastructure infrastructure) throws Exception {
        LocalDate june = LocalDate.parse("2023-06-01");
        publish(infrastructure, List.of(
                envelope(appropriated("a1", "2023-01-10", Fund.GENERAL_BUDGET, "2140199", "1000.00"), JANUARY),
                envelope(appropriated("a2", "2023-01-10", Fund.GENERAL_BUDGET, "2010499", "100.00"), JANUARY),
                envelope(new BudgetAdjusted("j1" + unit, unit, 2023, june, "clerk", null, null, "a1" + unit,
                        Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, Money.parseYuan("200.00"), "追加"), JUNE),
                envelope(new BudgetTransferred("t1" + unit, unit, 2023, june, "clerk", null, null, Fund.GENERAL_BUDGET,
                        "a1" + unit, "2140199", Kind.BASIC, null, "a2" + unit, "2010499", Kind.BASIC, null,
                        Money.parseYuan("50.00"), "调剂"), JUNE),
                envelope(paid("p1", "2023-06-01", "2140199", "300.00"), JUNE),
                envelope(new PaymentRefunded("r1" + unit, unit, 2023, june, "clerk", null, null, "p1" + unit, "a1" + unit, LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201", Money.parseYuan("20.00")), JUNE),
                envelope(new IncomeReceived("i1" + unit, unit, 2023, june, "clerk", null, null, Fund.OTHER, "2140199",
                        Money.parseYuan("0.07")), JUNE),
                envelope(new OpeningBalanceRecorded("o1" + unit, unit, 2023, LocalDate.parse("2023-01-01"), "clerk", null,
                        null, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("500.00"),
                        "o1" + unit), JANUARY),
                envelope(new BalancesCarriedIn("c0" + unit, unit, 2023, LocalDate.parse("2023-01-01"), "admin", null, null,
                        2022, List.of(new CarriedLine("x>2023" + unit, "x", Fund.GENERAL_BUDGET, "2140199", Kind.BASIC,
                        null, null, Money.parseYuan("5.00"))),
                        List.of(new CarriedBalance(Fund.OTHER, "2140199", Money.parseYuan("10.00")))), JANUARY),
                envelope(new ReserveUsed("u1" + unit, unit, 2023, june, "clerk", null, null, Fund.OTHER, "2140199",
                        Money.parseYuan("8.29")), JUNE),
                envelope(new SurplusDistributed("d1" + unit, unit, 2023, LocalDate.parse("2023-12-01"), "clerk", null, null,
                        Fund.OTHER, "2140199", Money.parseYuan("1.00")), JUNE),
                envelope(new ThreePublicLimitSet("l1" + unit, unit, 2023, june, "admin", null, null,
                        ThreePublicCategory.RECEPTION, Money.parseYuan("3.00")), JUNE),
                envelope(new YearClosed("c1" + unit, unit, 2023, LocalDate.parse("2023-12-31"), "admin", null, null), JUNE)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cell(t01(""), 59).equals("1.00"));

        JsonNode report = t01("");
        Map<Integer, String> expected = Map.ofEntries(Map.entry(1, "1300.00"), Map.entry(8, "0.07"),
                Map.entry(27, "1300.07"), Map.entry(28, "8.29"), Map.entry(29, "515.00"), Map.entry(31, "1823.36"),
                Map.entry(44, "280.00"), Map.entry(58, "280.00"), Map.entry(59, "1.00"), Map.entry(60, "1542.36"),
                Map.entry(62, "1823.36"));
        expected.forEach((line, amount) -> assertThat(cell(report, line)).as("line %d", line).isEqualTo(amount));

        // the same history in the other tables, cells worked out by hand from the events above
        JsonNode t02 = report("T02", "");
        assertThat(value(t02, "TOTAL", "total")).isEqualTo("1300.07");
        assertThat(value(t02, "2010499", "fiscal")).isEqualTo("150.00");   // 100 appropriated + 50 transferred in
        assertThat(value(t02, "214", "fiscal")).isEqualTo("1150.00");      // 1000 + 200 − 50
        assertThat(value(t02, "2140199", "other")).isEqualTo("0.07");
        JsonNode t03 = report("T03", "");
        assertThat(value(t03, "TOTAL", "basic")).isEqualTo("280.00");
        assertThat(value(t03, "21401", "total")).isEqualTo("280.00");
        assertThat(rowCodes(t03)).containsExactly("TOTAL", "214", "21401", "2140199");
        JsonNode t04 = report("T04", "");
        assertThat(numbered(t04, 1, "total")).isEqualTo("1300.00");
        assertThat(numbered(t04, 28, "total")).isEqualTo("505.00");        // fiscal opening: 500 + carried-in 5
        assertThat(numbered(t04, 45, "general_budget")).isEqualTo("280.00");
        assertThat(numbered(t04, 60, "general_budget")).isEqualTo("1525.00");
        assertThat(numbered(t04, 64, "total")).isEqualTo("1805.00");
        JsonNode t06 = report("T06", "");
        assertThat(value(t06, "30201", "amount")).isEqualTo("280.00");
        assertThat(value(t06, "public_total", "amount")).isEqualTo("280.00");
        JsonNode t09 = report("T09", "");
        assertThat(value(t09, "budget", "reception")).isEqualTo("3.00");
        assertThat(value(t09, "actual", "total")).isEqualTo("0.00");
        JsonNode execution = report("execution", "");
        JsonNode all = execution.path("rows").get(0);
        assertThat(all.path("part").asText()).isEqualTo("all");
        assertThat(all.path("values").path("initial_budget").asText()).isEqualTo("1605.00");  // 1000 + 100 + 500 + 5
        assertThat(all.path("values").path("full_year_budget").asText()).isEqualTo("1805.00");
        assertThat(all.path("values").path("executed").asText()).isEqualTo("280.00");
        assertThat(all.path("values").path("rate").asText()).isEqualTo("15.51");
        JsonNode checks = api.get("/api/v1/reports/" + unit + "/2023/checks").body();
        assertThat(checks.path("ok").asBoolean()).as(checks.toString()).isTrue();
        assertThat(checks.path("checks").size()).isGreaterThan(30);
        String csv = api.getText("/api/v1/reports/" + unit + "/2023/T01?format=csv&scale=wanyuan");
        assertThat(csv).startsWith("\uFEFFside,line,item,amount\r\nincome,1,一、一般公共预算财政拨款收入,0.13\r\n");
        assertThat(api.getText("/api/v1/reports/" + unit + "/2023/T02?format=csv"))
                .startsWith("\uFEFFsubject_code,subject_name,total,fiscal,superior_subsidy,business,operating,affiliate,other\r\n,合计,");
        JsonNode series = api.get("/api/v1/reports/" + unit + "/2023/execution/series").body();
        assertThat(series.path("points")).hasSize(12);
        assertThat(series.path("points").get(4).path("executed").asText()).isEqualTo("0.00");
        assertThat(series.path("points").get(5).path("executed").asText()).isEqualTo("280.00");
    }

    private JsonNode report(String table, String query) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/" + table + "?" + query);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static String value(JsonNode report, String code, String column) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals(code)) {
                return row.path("values").path(column).asText();
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static String numbered(JsonNode report, int line, String column) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row.path("values").path(column).asText();
            }
        }
        throw new AssertionError("no row " + line);
    }

    private static List<String> rowCodes(JsonNode report) {
        List<String> codes = new java.util.ArrayList<>();
        report.path("rows").forEach(row -> codes.add(row.path("code").asText()));
        return codes;
    }

    @Test
    void a_report_asked_with_min_sequence_is_never_staler_than_that_transaction(Infrastructure infrastructure) throws Exception {
        long future = sequence + 2;
        HttpApi.Answer early = api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + future);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("NOT_YET_APPLIED");

        publish(infrastructure, List.of(
                envelope(appropriated("a1", "2023-01-10", Fund.GENERAL_BUDGET, "2140199", "10.00"), JANUARY),
                envelope(paid("p1", "2023-03-01", "2140199", "4.00"), MARCH)));

        HttpApi.Answer waited = api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + future + "&wait=PT10S");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(cell(waited.body(), 58)).isEqualTo("4.00");
        assertThat(api.get("/api/v1/reports/freshness").body().path("sequence").asLong()).isGreaterThanOrEqualTo(future);
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=1&wait=forever").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void unreadable_records_are_parked_without_stopping_the_projection_and_reprocessed_after_a_fix(Infrastructure infrastructure)
            throws Exception {
        long parkedBefore = parkedCount();
        ObjectNode unknownType = envelope(appropriated("a0", "2023-01-10", Fund.GENERAL_BUDGET, "2140199", "1.00"), JANUARY)
                .put("type", "BudgetConjured");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", infrastructure.bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, unit + ":2023",
                    "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }
        publish(infrastructure, List.of(unknownType,
                envelope(appropriated("a1", "2023-01-10", Fund.GENERAL_BUDGET, "2140199", "10.00"), JANUARY)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cell(t01(""), 1).equals("10.00"));
        assertThat(parkedCount()).isEqualTo(parkedBefore + 2);

        // a later version knows the type: the parked record is applied when re-processed
        jdbc.sql("UPDATE projection.parked_event SET value = convert_to(replace(convert_from(value, 'UTF8'), "
                + "'BudgetConjured', 'BudgetAppropriated'), 'UTF8') WHERE position('BudgetConjured' in convert_from(value, 'UTF8')) > 0")
                .update();
        JsonNode reprocessed = api.postRaw("/api/v1/projection/parked-events:reprocess", "").body();
        assertThat(reprocessed.path("applied").asInt()).isEqualTo(1);
        assertThat(cell(t01(""), 1)).isEqualTo("11.00");
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
    }

    private long parkedCount() {
        return jdbc.sql("SELECT count(*) FROM projection.parked_event").query(Long.class).single();
    }

    @Test
    void an_unknown_table_or_scale_is_a_problem_not_an_error() {
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/T01?scale=lakh").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/T01?asOf=2023-02-30").code()).isEqualTo("VALIDATION_FAILED");
    }

    private JsonNode t01(String query) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/T01?" + query);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static String cell(JsonNode report, int line) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row.path("values").path("amount").asText();
            }
        }
        throw new AssertionError("no row " + line);
    }

    private BudgetAppropriated appropriated(String id, String date, Fund fund, String subject, String amount) {
        return new BudgetAppropriated(id + unit, unit, 2023, LocalDate.parse(date), "clerk", null, null, id + unit, fund,
                subject, Kind.BASIC, null, null, Money.parseYuan(amount));
    }

    private PaymentMade paid(String id, String date, String subject, String amount) {
        return new PaymentMade(id + unit, unit, 2023, LocalDate.parse(date), "clerk", null, null, "a1" + unit, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, subject, Kind.BASIC, null, "30201", Money.parseYuan(amount), null, null);
    }

    /** The wire format, with the next sequence of this test. */
    private ObjectNode envelope(LedgerEvent event, Instant recordedAt) {
        return WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), ++sequence, event.eventName(), recordedAt), event);
    }

    private void publish(Infrastructure infrastructure, List<ObjectNode> values) throws Exception {
        WireFormat.publish(infrastructure, unit + ":2023", values);
    }

    private Admin admin(Infrastructure infrastructure) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()));
    }

    private void rewindConsumerGroup(Infrastructure infrastructure) throws Exception {
        try (Admin admin = admin(infrastructure)) {
            // offsets can only be altered once the group has no member left
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeConsumerGroups(List.of(groupId)).all().get()
                    .get(groupId).members().isEmpty());
            Map<TopicPartition, OffsetAndMetadata> beginning = admin.describeTopics(List.of(TOPIC)).allTopicNames().get()
                    .get(TOPIC).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                            partition -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(groupId, beginning).all().get();
        }
    }

    private boolean consumerGroupCaughtUp(Infrastructure infrastructure) throws Exception {
        try (Admin admin = admin(infrastructure)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return !committed.isEmpty() && committed.entrySet().stream()
                    .allMatch(entry -> entry.getValue().offset() >= ends.get(entry.getKey()).offset());
        }
    }
}
