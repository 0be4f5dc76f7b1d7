package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.departments.DepartmentStructure;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §12–13 through the real topic and read model: units registered, one renamed and moved to another
 * department from 2023-12-01 with the change recorded late (2024-02-01); a subject code added through the API
 * after the payments on it. Each (asOf, knownAt) shows the structure and the names of its point in time.
 */
class DepartmentsTest extends ProjectionIntegrationTest {

    private static final Instant REGISTERED = Instant.parse("2023-01-05T00:00:00Z");
    private static final Instant JANUARY = Instant.parse("2023-01-10T02:00:00Z");
    private static final Instant MARCH = Instant.parse("2023-03-01T02:00:00Z");
    private static final Instant CODE_ADDED = Instant.parse("2023-06-01T02:00:00Z");
    private static final Instant CHANGE_RECORDED = Instant.parse("2024-02-01T02:00:00Z");
    private static final LocalDate CHANGE_EFFECTIVE = LocalDate.parse("2023-12-01");

    private static final LocalDate BEFORE_EFFECTIVE = LocalDate.parse("2023-11-30");
    private static final LocalDate AFTER_EFFECTIVE = LocalDate.parse("2023-12-31");
    private static final Instant BEFORE_RECORDED = Instant.parse("2024-01-15T00:00:00Z");
    private static final Instant AFTER_RECORDED = Instant.parse("2024-03-01T00:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    DepartmentStructure departments;
    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private long sequence;
    /** 厅 → 中心 → 站, and the moving unit under the 厅; another department's top unit. */
    private String ting;
    private String centre;
    private String station;
    private String moving;
    private String other;
    private String addedSubject;
    private long changeSequence;
    private final List<Long> published = new ArrayList<>();

    @BeforeEach
    void history(Infrastructure infrastructure) throws Exception {
        api = new HttpApi(port);
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        String prefix = "N" + UUID.randomUUID().toString().substring(0, 6);
        ting = prefix + "0";
        centre = prefix + "1";
        station = prefix + "2";
        moving = prefix + "3";
        other = prefix + "9";
        addedSubject = "2990" + ThreadLocalRandom.current().nextInt(100, 1000);

        publish(infrastructure, ting, event(new UnitRegistered(ting, "交通运输厅" + prefix, null, UnitType.ADMINISTRATIVE, "admin"), REGISTERED));
        publish(infrastructure, centre, event(new UnitRegistered(centre, "科技信息中心", ting, UnitType.PUBLIC_SERVICE_1, "admin"), REGISTERED));
        publish(infrastructure, station, event(new UnitRegistered(station, "监测站", centre, UnitType.PUBLIC_SERVICE_2, "admin"), REGISTERED));
        publish(infrastructure, moving, event(new UnitRegistered(moving, "旧名中心", ting, UnitType.PUBLIC_SERVICE_1, "admin"), REGISTERED));
        publish(infrastructure, other, event(new UnitRegistered(other, "另一厅", null, UnitType.ADMINISTRATIVE, "admin"), REGISTERED));
        publish(infrastructure, moving + ":2023",
                event(new BudgetAppropriated("a1" + moving, moving, 2023, LocalDate.parse("2023-01-10"), "clerk", null, null,
                        "a1" + moving, Fund.GENERAL_BUDGET, addedSubject, Kind.BASIC, null, null, Money.parseYuan("1000.00")), JANUARY),
                event(new PaymentMade("p1" + moving, moving, 2023, LocalDate.parse("2023-03-01"), "clerk", null, null,
                        "a1" + moving, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, addedSubject, Kind.BASIC, null, "30201",
                        Money.parseYuan("250.00"), null, null), MARCH));
        publish(infrastructure, "catalog:SUBJECTS",
                event(new CatalogCodeAdded(CatalogKind.SUBJECTS, addedSubject, "新增测试科目", "admin"), CODE_ADDED));
        publish(infrastructure, moving, event(new UnitChanged(moving, CHANGE_EFFECTIVE, "新名中心", other, null, "admin"),
                CHANGE_RECORDED));
        changeSequence = sequence;

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM projection.applied_event"
                + " WHERE sequence BETWEEN ? AND ?").params(published.get(0), changeSequence).query(Long.class).single()
                == published.size());
    }

    @Test
    void a_move_recorded_late_shows_at_each_point_the_structure_and_name_of_that_point() {
        List<String> before = List.of(ting, centre, station, moving);
        for (ReportPeriod period : List.of(period(BEFORE_EFFECTIVE, BEFORE_RECORDED), period(AFTER_EFFECTIVE, BEFORE_RECORDED),
                period(BEFORE_EFFECTIVE, AFTER_RECORDED))) {
            assertThat(departments.unitsOf(ting, period)).as("%s", period).containsExactlyElementsOf(before);
            assertThat(departments.unitsOf(other, period)).as("%s", period).containsExactly(other);
            assertThat(departments.unitsOf(centre, period)).as("%s", period).containsExactly(centre, station);
            assertThat(unitName(period)).as("%s", period).isEqualTo("旧名中心");
        }
        ReportPeriod moved = period(AFTER_EFFECTIVE, AFTER_RECORDED);
        assertThat(departments.unitsOf(ting, moved)).containsExactly(ting, centre, station);
        assertThat(departments.unitsOf(other, moved)).containsExactly(other, moving);
        assertThat(unitName(moved)).isEqualTo("新名中心");
        // before the unit was registered, the projection knows no name: the code stands in
        assertThat(report("T01", "asOf=2023-12-31&knownAt=2023-01-01T00:00:00Z").has("unitName")).isFalse();
    }

    @Test
    void the_consolidated_reports_of_a_move_recorded_late_each_count_the_unit_where_their_point_puts_it() {
        for (ReportPeriod period : List.of(period(BEFORE_EFFECTIVE, BEFORE_RECORDED), period(AFTER_EFFECTIVE, BEFORE_RECORDED),
                period(BEFORE_EFFECTIVE, AFTER_RECORDED))) {
            assertThat(spentOnAddedSubject(ting, period)).as("%s", period).isEqualTo("250.00");
            assertThat(spentOnAddedSubject(other, period)).as("%s", period).isNull();
        }
        ReportPeriod moved = period(AFTER_EFFECTIVE, AFTER_RECORDED);
        assertThat(spentOnAddedSubject(ting, moved)).isNull();
        assertThat(spentOnAddedSubject(other, moved)).isEqualTo("250.00");
        // the unit's own report (本级) does not depend on where it stands
        assertThat(departmentReport(ting, "T03", moved, "unit").path("rows").findValuesAsText("code")).doesNotContain(addedSubject);
    }

    /** The moving unit's payment as the department's 公开03表 shows it at the point: its row's total, or null without one. */
    private String spentOnAddedSubject(String unit, ReportPeriod period) {
        for (JsonNode row : departmentReport(unit, "T03", period, "department").path("rows")) {
            if (row.path("code").asText().equals(addedSubject)) {
                return row.path("values").path("total").asText();
            }
        }
        return null;
    }

    private JsonNode departmentReport(String unit, String table, ReportPeriod period, String scope) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/2023/" + table + "?scope=" + scope + "&asOf="
                + period.asOf() + "&knownAt=" + period.knownAt());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("scope").asText()).isEqualTo(scope);
        return answer.body();
    }

    @Test
    void a_department_report_asked_with_the_sequence_of_a_units_posting_answers_once_that_event_is_applied() {
        long payment = published.get(6); // the moving unit's payment; the unit stands in the other department now
        HttpApi.Answer department = api.get("/api/v1/reports/" + other + "/2023/T01?minSequence=" + payment);
        assertThat(department.status()).as(department.body().toString()).isEqualTo(200);
        // the other department's own unit has applied nothing of that year: 本级 is not yet that fresh
        HttpApi.Answer own = api.get("/api/v1/reports/" + other + "/2023/T01?scope=unit&minSequence=" + payment);
        assertThat(own.status()).as(own.body().toString()).isEqualTo(409);
        assertThat(own.body().path("code").asText()).isEqualTo("NOT_YET_APPLIED");
    }

    @Test
    void a_department_report_waits_for_a_unit_that_was_in_it_at_the_reports_date_though_not_today(Infrastructure infrastructure)
            throws Exception {
        // the moving unit was the 厅's until 2023-12-01: a report as of 2023-11-30 counts it, so minSequence waits for it
        ObjectNode movingPays = event(new PaymentMade("p2" + moving, moving, 2023, LocalDate.parse("2023-11-01"), "clerk", null,
                null, "a1" + moving, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, addedSubject, Kind.BASIC, null, "30201",
                Money.parseYuan("10.00"), null, null), AFTER_RECORDED);
        long pending = sequence;
        // every unit of the 厅 today has applied a later event of the year: by today's tree the report would be fresh
        for (String unit : List.of(ting, centre, station)) {
            publish(infrastructure, unit + ":2023", event(new BudgetAppropriated("a2" + unit, unit, 2023,
                    LocalDate.parse("2023-01-10"), "clerk", null, null, "a2" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC,
                    null, null, Money.parseYuan("1.00")), AFTER_RECORDED));
        }
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM projection.applied_event"
                + " WHERE sequence BETWEEN ? AND ?").params(pending + 1, last).query(Long.class).single() == 3);
        String asked = "?asOf=" + BEFORE_EFFECTIVE + "&minSequence=" + pending;

        for (String path : List.of("/api/v1/reports/" + ting + "/2023/T01" + asked,
                "/api/v1/reports/" + ting + "/2023/execution/series" + asked.replace("asOf=" + BEFORE_EFFECTIVE, "to=2023-11"),
                "/api/v1/publications/" + ting + "/2023" + asked + "&format=json")) {
            HttpApi.Answer notYet = api.get(path);
            assertThat(notYet.status()).as(path + " " + notYet.body()).isEqualTo(409);
            assertThat(notYet.body().path("code").asText()).isEqualTo("NOT_YET_APPLIED");
        }
        // the report as of today does not count it: fresh already
        assertThat(api.get("/api/v1/reports/" + ting + "/2023/T01?asOf=" + AFTER_EFFECTIVE + "&minSequence=" + pending).status())
                .isEqualTo(200);

        publish(infrastructure, moving + ":2023", movingPays);
        HttpApi.Answer fresh = api.get("/api/v1/reports/" + ting + "/2023/T01" + asked + "&wait=PT10S");
        assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(200);
    }

    @Test
    void a_report_asked_with_the_sequence_of_a_registry_event_answers_once_it_is_applied() {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + moving + "/2023/T01?minSequence=" + changeSequence);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("unitName").asText()).isEqualTo("新名中心");
    }

    @Test
    void a_subject_added_through_the_api_is_named_once_its_addition_is_known() {
        JsonNode known = report("T03", "asOf=2023-12-31&knownAt=2023-07-01T00:00:00Z");
        assertThat(row(known, addedSubject).path("name").asText()).isEqualTo("新增测试科目");
        assertThat(row(known, addedSubject).path("values").path("total").asText()).isEqualTo("250.00");

        JsonNode notYet = report("T03", "asOf=2023-12-31&knownAt=2023-04-01T00:00:00Z");
        assertThat(row(notYet, addedSubject).path("name").asText()).isEqualTo(addedSubject);
        assertThat(row(notYet, addedSubject).path("values").path("total").asText()).isEqualTo("250.00");

        String csv = api.getText("/api/v1/reports/" + moving + "/2023/T03?format=csv&knownAt=2023-07-01T00:00:00Z");
        assertThat(csv).contains(addedSubject + ",新增测试科目,");
    }

    @Test
    void the_department_line_shows_the_units_name_in_json_html_csv_and_xlsx() throws Exception {
        String query = "asOf=2023-12-31&knownAt=2024-03-01T00:00:00Z";
        assertThat(report("T01", query).path("unitName").asText()).isEqualTo("新名中心");
        assertThat(report("T01", query).path("unit").asText()).isEqualTo(moving);
        assertThat(api.getText("/api/v1/reports/" + moving + "/2023/T01?format=html&" + query))
                .contains("<span>部门：新名中心</span>");
        ResponseEntity<byte[]> csv = download("/api/v1/reports/" + moving + "/2023/T01?format=csv&" + query);
        assertThat(URLDecoder.decode(csv.getHeaders().getContentDisposition().getFilename(), StandardCharsets.UTF_8))
                .isEqualTo(moving + "-新名中心-2023-T01.csv");
        for (String path : List.of("/api/v1/reports/" + moving + "/2023/T01?format=xlsx&" + query,
                "/api/v1/reports/" + moving + "/2023/workbook?" + query)) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(path).getBody()))) {
                assertThat(workbook.getSheet("公开01表").getRow(2).getCell(0).getStringCellValue()).as(path)
                        .isEqualTo("部门：新名中心");
            }
        }
        // as of before the rename, the old name
        assertThat(api.getText("/api/v1/reports/" + moving + "/2023/T01?format=html&asOf=2023-11-30&knownAt=2024-03-01T00:00:00Z"))
                .contains("<span>部门：旧名中心</span>");
    }

    private String unitName(ReportPeriod period) {
        return report("T01", "asOf=" + period.asOf() + "&knownAt=" + period.knownAt()).path("unitName").asText();
    }

    private JsonNode report(String table, String query) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + moving + "/2023/" + table + "?" + query);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private ResponseEntity<byte[]> download(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> headers.setBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN))
                .retrieve().toEntity(byte[].class);
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + report);
    }

    private static ReportPeriod period(LocalDate asOf, Instant knownAt) {
        return new ReportPeriod(asOf, knownAt);
    }

    private ObjectNode event(RecordedEvent event, Instant recordedAt) {
        published.add(++sequence);
        return WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), sequence, event.eventName(), recordedAt), event);
    }

    private static void publish(Infrastructure infrastructure, String key, ObjectNode... values) throws Exception {
        WireFormat.publish(infrastructure, key, List.of(values));
    }
}
