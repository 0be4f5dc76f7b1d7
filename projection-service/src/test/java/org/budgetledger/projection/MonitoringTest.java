package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.events.YearClosed;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §14 through the broker, in the wire format, read through the API: commitments in the execution report, the
 * series and the list of commitments; each alert at the edge of its threshold (exactly 15 points, 80 %, 90 %, a
 * scheduled date that is today); a refund that gives nothing back to the commitment; a commitment carried into the
 * next year; the department's summed 三公 figures.
 */
class MonitoringTest extends ProjectionIntegrationTest {

    private static final Instant RECORDED = Instant.parse("2024-01-02T01:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private String unit;
    private long sequence;

    @BeforeEach
    void newUnit() {
        api = new HttpApi(port);
        unit = "K" + UUID.randomUUID().toString().substring(0, 8);
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    @Test
    void behind_schedule_is_more_than_the_lag_below_elapsed_and_exactly_15_points_is_not(Infrastructure infrastructure)
            throws Exception {
        // 2024 is a leap year: 1 July is its 183rd of 366 days, 序时进度 50.00 exactly
        publish(infrastructure, 2024, List.of(
                appropriated(2024, "at15", Kind.BASIC, null, "1000.00"), paid(2024, "p1", "at15", "2024-03-01", "350.00", null),
                appropriated(2024, "over15", Kind.BASIC, null, "1000.00"), paid(2024, "p2", "over15", "2024-03-01", "349.90", null)));

        List<JsonNode> behind = alerts(2024, "asOf=2024-07-01", "BEHIND_SCHEDULE");

        assertThat(behind).hasSize(1);
        JsonNode alert = behind.get(0);
        assertThat(alert.path("severity").asText()).isEqualTo("WARNING");
        assertThat(alert.path("subject").asText()).isEqualTo("line");
        assertThat(alert.path("id").asText()).isEqualTo("over15" + unit);
        assertThat(figures(alert)).containsEntry("rate", "34.99").containsEntry("elapsed", "50.00")
                .containsEntry("lag", "15.01").containsEntry("lagPoints", "15").containsEntry("fullYearBudget", "1000.00")
                .containsEntry("executed", "349.90");
        assertThat(alert.path("detail").asText()).contains("执行率 34.99%", "序时进度 50.00%", "15.01 个百分点");
        // a day earlier 序时进度 is 49.73: neither is behind by more than 15 points
        assertThat(alerts(2024, "asOf=2024-06-30", "BEHIND_SCHEDULE")).isEmpty();
        JsonNode june = point(2024, "", "2024-06-30");
        assertThat(june.path("elapsed").asText()).isEqualTo("49.73");
    }

    @Test
    void the_year_end_forecast_alerts_below_90_percent_and_not_at_exactly_90(Infrastructure infrastructure) throws Exception {
        publish(infrastructure, 2024, List.of(
                appropriated(2024, "at90", Kind.PROJECT, "九十", "1000.00"),
                paid(2024, "p1", "at90", "2024-02-01", "400.00", null),
                committed(2024, "c1", "at90", Kind.PROJECT, "九十", "2024-02-01", "500.00", due("2024-11-30", "500.00")),
                appropriated(2024, "below90", Kind.PROJECT, "不足", "1000.00"),
                paid(2024, "p2", "below90", "2024-02-01", "399.99", null),
                committed(2024, "c2", "below90", Kind.PROJECT, "不足", "2024-02-01", "500.00", due("2024-11-30", "500.00"))));

        List<JsonNode> forecasts = alerts(2024, "asOf=2024-03-01", "YEAR_END_FORECAST");

        assertThat(forecasts).extracting(alert -> alert.path("subject").asText() + ":" + alert.path("id").asText())
                .containsExactly("project:不足", "line:below90" + unit);
        assertThat(figures(forecasts.get(0))).containsEntry("executed", "399.99").containsEntry("scheduled", "500.00")
                .containsEntry("forecast", "899.99").containsEntry("fullYearBudget", "1000.00")
                .containsEntry("forecastPercent", "90");
        // the execution report shows what is committed, per project and part
        JsonNode execution = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-03-01").body();
        assertThat(cell(execution, "九十", "all", "committed")).isEqualTo("500.00");
        assertThat(cell(execution, "九十", "current_fiscal", "committed")).isEqualTo("500.00");
        assertThat(cell(execution, "九十", "carried_in", "committed")).isEqualTo("0.00");
        assertThat(cell(execution, "TOTAL", "all", "committed")).isEqualTo("1000.00");
        assertThat(cell(execution, "TOTAL", "all", "executed")).isEqualTo("799.99");
        // known before the commitments were recorded: nothing committed, nothing scheduled
        assertThat(cell(api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-03-01&knownAt="
                + RECORDED.plusSeconds(2)).body(), "TOTAL", "all", "committed")).isEqualTo("0.00");
    }

    @Test
    void a_refund_of_a_commitment_payment_returns_the_money_to_the_line_not_to_the_commitment(Infrastructure infrastructure)
            throws Exception {
        publish(infrastructure, 2024, List.of(
                appropriated(2024, "a1", Kind.PROJECT, "退回", "1000.00"),
                committed(2024, "c1", "a1", Kind.PROJECT, "退回", "2024-02-01", "600.00", due("2024-03-01", "300.00"),
                        due("2024-10-01", "300.00")),
                paid(2024, "p1", "a1", "2024-03-01", "300.00", "c1" + unit),
                refunded(2024, "r1", "p1", "a1", Kind.PROJECT, "退回", "2024-04-01", "300.00")));

        JsonNode commitment = api.get("/api/v1/reports/" + unit + "/2024/commitments?asOf=2024-04-30").body().get(0);
        assertThat(commitment.path("id").asText()).isEqualTo("c1" + unit);
        assertThat(commitment.path("line").asText()).isEqualTo("a1" + unit);
        assertThat(commitment.path("project").asText()).isEqualTo("退回");
        assertThat(commitment.path("amount").asText()).isEqualTo("600.00");
        assertThat(commitment.path("paid").asText()).isEqualTo("300.00");
        assertThat(commitment.path("open").asText()).isEqualTo("300.00");
        assertThat(commitment.path("overdue").asText()).isEqualTo("0.00");
        assertThat(commitment.path("schedule").toString()).isEqualTo("[{\"date\":\"2024-10-01\",\"amount\":\"300.00\"}]");
        assertThat(commitment.path("madeSchedule")).hasSize(2);
        JsonNode execution = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-04-30").body();
        assertThat(cell(execution, "退回", "all", "executed")).isEqualTo("0.00");
        assertThat(cell(execution, "退回", "all", "committed")).isEqualTo("300.00");
        // paid 0 and 300 scheduled by 31 December: 30 % of the budget
        JsonNode forecast = alerts(2024, "asOf=2024-04-30", "YEAR_END_FORECAST").get(0);
        assertThat(figures(forecast)).containsEntry("executed", "0.00").containsEntry("scheduled", "300.00")
                .containsEntry("forecastRate", "30.00");
        // the series: scheduled is paid plus what the open schedule has due by each month end
        assertThat(point(2024, "", "2024-03-31").path("scheduled").asText()).isEqualTo("300.00");
        assertThat(point(2024, "", "2024-04-30").path("scheduled").asText()).isEqualTo("0.00");
        assertThat(point(2024, "", "2024-10-31").path("scheduled").asText()).isEqualTo("300.00");
        assertThat(point(2024, "&project=退回", "2024-10-31").path("committed").asText()).isEqualTo("300.00");
    }

    @Test
    void a_scheduled_payment_is_overdue_once_its_date_has_passed_and_a_release_removes_the_latest(Infrastructure infrastructure)
            throws Exception {
        publish(infrastructure, 2024, List.of(
                appropriated(2024, "a1", Kind.BASIC, null, "1000.00"),
                committed(2024, "c1", "a1", Kind.BASIC, null, "2024-02-01", "300.00", due("2024-05-10", "100.00"),
                        due("2024-08-01", "200.00")),
                paid(2024, "p1", "a1", "2024-04-01", "60.00", "c1" + unit),
                released(2024, "x1", "c1", "a1", Kind.BASIC, null, "2024-06-01", "150.00")));

        assertThat(alerts(2024, "asOf=2024-05-10", "OVERDUE_COMMITMENT")).as("due today is not overdue").isEmpty();
        JsonNode overdue = alerts(2024, "asOf=2024-05-11", "OVERDUE_COMMITMENT").get(0);
        assertThat(overdue.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(overdue.path("subject").asText()).isEqualTo("line");
        assertThat(overdue.path("id").asText()).isEqualTo("a1" + unit);
        assertThat(figures(overdue)).containsEntry("commitment", "c1" + unit).containsEntry("overdue", "40.00")
                .containsEntry("overdueSince", "2024-05-10").containsEntry("open", "240.00");
        // released 150 of the latest: 40 of May's and 50 of August's are left, both overdue on 2 August
        assertThat(figures(alerts(2024, "asOf=2024-08-02", "OVERDUE_COMMITMENT").get(0)))
                .containsEntry("overdue", "90.00").containsEntry("open", "90.00").containsEntry("released", "150.00");
        // as known before the release was recorded
        Instant beforeRelease = RECORDED.plusSeconds(3);
        assertThat(figures(alerts(2024, "asOf=2024-08-02&knownAt=" + beforeRelease, "OVERDUE_COMMITMENT").get(0)))
                .containsEntry("overdue", "240.00").containsEntry("released", "0.00");
    }

    @Test
    void three_public_near_its_limit_from_80_percent_critical_at_the_limit_and_summed_in_a_department(
            Infrastructure infrastructure) throws Exception {
        String member = unit + "M";
        publishRegistry(infrastructure, new UnitRegistered(unit, "近限厅", null, UnitType.ADMINISTRATIVE, "admin"),
                new UnitRegistered(member, "近限所", unit, UnitType.PUBLIC_SERVICE_1, "admin"));
        List<LedgerEvent> head = new ArrayList<>(List.of(appropriated(2024, "a1", Kind.BASIC, null, "100000.00")));
        for (ThreePublicCategory category : List.of(ThreePublicCategory.RECEPTION, ThreePublicCategory.ABROAD,
                ThreePublicCategory.VEHICLE_OPERATION)) {
            head.add(new ThreePublicLimitSet("l" + category + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null,
                    null, category, Money.parseYuan("1000.00")));
        }
        head.add(paid(2024, "p1", "a1", "2024-03-01", "800.00", null, "30217"));
        head.add(paid(2024, "p2", "a1", "2024-03-01", "799.99", null, "30212"));
        head.add(paid(2024, "p3", "a1", "2024-03-01", "1000.00", null, "30231"));
        publish(infrastructure, 2024, head);
        String ownUnit = unit;
        unit = member;
        publish(infrastructure, 2024, List.of(appropriated(2024, "a1", Kind.BASIC, null, "100000.00"),
                new ThreePublicLimitSet("l" + member, member, 2024, LocalDate.parse("2024-01-01"), "admin", null, null,
                        ThreePublicCategory.ABROAD, Money.parseYuan("1000.00")),
                paid(2024, "p1", "a1", "2024-03-01", "800.01", null, "30212")));
        unit = ownUnit;

        List<JsonNode> own = alerts(2024, "asOf=2024-03-01&scope=unit", "THREE_PUBLIC_NEAR_LIMIT");
        assertThat(own).extracting(alert -> alert.path("id").asText() + ":" + alert.path("severity").asText())
                .containsExactly("VEHICLE_OPERATION:CRITICAL", "RECEPTION:WARNING");
        assertThat(figures(own.get(1))).containsEntry("limit", "1000.00").containsEntry("actual", "800.00")
                .containsEntry("used", "80.00").containsEntry("nearLimitPercent", "80");
        assertThat(own.get(1).path("subject").asText()).isEqualTo("category");
        assertThat(own.get(1).path("detail").asText()).contains("公务接待费");
        // the department: 因公出国（境）费 799.99 + 800.01 of 1000 + 1000, exactly 80 %
        List<JsonNode> department = alerts(2024, "asOf=2024-03-01", "THREE_PUBLIC_NEAR_LIMIT");
        assertThat(department).extracting(alert -> alert.path("id").asText())
                .containsExactly("ABROAD", "VEHICLE_OPERATION", "RECEPTION");
        assertThat(figures(department.get(0))).containsEntry("limit", "2000.00").containsEntry("actual", "1600.00");
        // the department's lines are named after their units
        assertThat(alerts(2024, "asOf=2024-03-01", "YEAR_END_FORECAST")).extracting(alert -> alert.path("id").asText())
                .contains(unit + "/a1" + unit, member + "/a1" + member);
    }

    @Test
    void a_commitment_carried_over_stays_on_the_closed_years_line_to_31_december_and_opens_on_the_carry_in_line(
            Infrastructure infrastructure) throws Exception {
        publish(infrastructure, 2023, List.of(
                appropriated(2023, "a1", Kind.PROJECT, "跨年", "1000.00"),
                committed(2023, "c1", "a1", Kind.PROJECT, "跨年", "2023-06-01", "700.00", due("2023-11-30", "300.00"),
                        due("2023-12-31", "400.00")),
                paid(2023, "p1", "a1", "2023-12-01", "100.00", "c1" + unit),
                new YearClosed("co" + unit, unit, 2023, LocalDate.parse("2023-12-31"), "admin", null, null)));
        String carriedLine = "a1" + unit + ">2024";
        publish(infrastructure, 2024, List.of(
                new BalancesCarriedIn("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null, 2023,
                        List.of(new CarriedLine(carriedLine, "a1" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "跨年",
                                null, Money.parseYuan("900.00"))), List.of()),
                new CommitmentCarriedOver("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null,
                        "c1" + unit, 2023, "a1" + unit, LineOrigin.APPROPRIATION, carriedLine, Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "跨年",
                        Money.parseYuan("600.00"), null, null, List.of(due("2024-01-01", "200.00"), due("2024-01-01", "400.00"))),
                new PaymentMade("p2" + unit, unit, 2024, LocalDate.parse("2024-01-15"), "clerk", null, null, carriedLine,
                        LineOrigin.CARRY_OVER, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "跨年", "30201",
                        Money.parseYuan("250.00"), null, null, null, "c1" + unit, null, null)));

        JsonNode closed = api.get("/api/v1/reports/" + unit + "/2023/execution?asOf=2023-12-31").body();
        assertThat(cell(closed, "跨年", "current_fiscal", "committed")).isEqualTo("600.00");
        JsonNode opened = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-01-01").body();
        assertThat(cell(opened, "跨年", "carried_in", "committed")).isEqualTo("600.00");
        assertThat(cell(opened, "跨年", "carried_in", "full_year_budget")).isEqualTo("900.00");
        JsonNode paidOn = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-01-31").body();
        assertThat(cell(paidOn, "跨年", "carried_in", "committed")).isEqualTo("350.00");
        assertThat(cell(paidOn, "跨年", "carried_in", "executed")).isEqualTo("250.00");
        JsonNode carried = api.get("/api/v1/reports/" + unit + "/2024/commitments?asOf=2024-01-31").body().get(0);
        assertThat(carried.path("line").asText()).isEqualTo(carriedLine);
        assertThat(carried.path("amount").asText()).isEqualTo("600.00");
        assertThat(carried.path("open").asText()).isEqualTo("350.00");
        assertThat(carried.path("overdue").asText()).isEqualTo("350.00");
        // the closed year on 31 December: what was left of November's was overdue and the 31st's not yet; from 1 January
        // the commitment is the new year's (SPEC §14), and the closed year has none overdue
        JsonNode late = alerts(2023, "asOf=2023-12-31", "OVERDUE_COMMITMENT").get(0);
        assertThat(figures(late)).containsEntry("overdue", "200.00").containsEntry("asOf", "2023-12-31")
                .containsEntry("open", "600.00");
        assertThat(alerts(2023, "asOf=2024-02-01", "OVERDUE_COMMITMENT")).isEmpty();
    }

    @Test
    void a_closed_years_lines_show_the_commitments_open_to_31_december_and_none_of_those_carried_over_from_1_january(
            Infrastructure infrastructure) throws Exception {
        Instant closed = RECORDED.plusSeconds(3600);
        String carriedLine = "a1" + unit + ">2024";
        // the new year first, as a rebuild may apply it: the closed year's own events need not be there yet
        publish(infrastructure, 2024, closed, List.of(
                new BalancesCarriedIn("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null, 2023,
                        List.of(new CarriedLine(carriedLine, "a1" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "结转",
                                null, Money.parseYuan("900.00"))), List.of()),
                new CommitmentCarriedOver("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null,
                        "c1" + unit, 2023, "a1" + unit, LineOrigin.APPROPRIATION, carriedLine, Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "结转",
                        Money.parseYuan("600.00"), "HT-c1", "某公司",
                        List.of(due("2024-01-01", "200.00"), due("2024-01-01", "400.00")))));
        publish(infrastructure, 2023, RECORDED, List.of(
                appropriated(2023, "a1", Kind.PROJECT, "结转", "1000.00"),
                committed(2023, "c1", "a1", Kind.PROJECT, "结转", "2023-06-01", "700.00", due("2023-11-30", "300.00"),
                        due("2023-12-31", "400.00")),
                paid(2023, "p1", "a1", "2023-12-01", "100.00", "c1" + unit),
                new YearClosed("co" + unit, unit, 2023, LocalDate.parse("2023-12-31"), "admin", null, null)));
        String before = "&knownAt=" + closed.minusSeconds(1);

        for (String asOf : List.of("2023-12-31", "2024-01-01", "2024-06-30")) {
            boolean moved = !asOf.equals("2023-12-31");
            String committed = moved ? "0.00" : "600.00";
            JsonNode execution = api.get("/api/v1/reports/" + unit + "/2023/execution?asOf=" + asOf).body();
            assertThat(cell(execution, "结转", "current_fiscal", "committed")).as(asOf).isEqualTo(committed);
            assertThat(cell(execution, "结转", "all", "committed")).as(asOf).isEqualTo(committed);
            assertThat(cell(execution, "TOTAL", "all", "committed")).as(asOf).isEqualTo(committed);
            assertThat(cell(execution, "TOTAL", "all", "executed")).as(asOf).isEqualTo("100.00");
            // known before the carry-over: the commitment is still open on the closed year's line
            JsonNode known = api.get("/api/v1/reports/" + unit + "/2023/execution?asOf=" + asOf + before).body();
            assertThat(cell(known, "TOTAL", "all", "committed")).as(asOf).isEqualTo("600.00");

            List<JsonNode> overdue = alerts(2023, "asOf=" + asOf, "OVERDUE_COMMITMENT");
            assertThat(overdue).as(asOf).hasSize(moved ? 0 : 1);
            JsonNode overdueBefore = alerts(2023, "asOf=" + asOf + before, "OVERDUE_COMMITMENT").get(0);
            assertThat(figures(overdueBefore)).as(asOf).containsEntry("open", "600.00").containsEntry("overdue", "200.00");
            JsonNode forecast = alerts(2023, "asOf=" + asOf, "YEAR_END_FORECAST").stream()
                    .filter(alert -> alert.path("subject").asText().equals("line")).findFirst().orElseThrow();
            assertThat(figures(forecast)).as(asOf).containsEntry("executed", "100.00")
                    .containsEntry("scheduled", moved ? "0.00" : "600.00");

            JsonNode commitment = api.get("/api/v1/reports/" + unit + "/2023/commitments?asOf=" + asOf).body().get(0);
            assertThat(commitment.path("amount").asText()).isEqualTo("700.00");
            assertThat(commitment.path("paid").asText()).isEqualTo("100.00");
            assertThat(commitment.path("carriedOver").asText()).as(asOf).isEqualTo(moved ? "600.00" : "0.00");
            assertThat(commitment.path("open").asText()).as(asOf).isEqualTo(committed);
            assertThat(commitment.path("schedule")).as(asOf).hasSize(moved ? 0 : 2);
        }
        // the series stops at the year's last month end, where the commitment is still open, known or not
        for (String knownAt : List.of("", before)) {
            JsonNode december = point(2023, knownAt, "2023-12-31");
            assertThat(december.path("committed").asText()).isEqualTo("600.00");
            assertThat(december.path("scheduled").asText()).isEqualTo("700.00");
        }
        // the carry-in line shows it from 1 January
        JsonNode opened = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-01-01").body();
        assertThat(cell(opened, "结转", "carried_in", "committed")).isEqualTo("600.00");
        assertThat(cell(opened, "TOTAL", "all", "committed")).isEqualTo("600.00");
        JsonNode carried = api.get("/api/v1/reports/" + unit + "/2024/commitments?asOf=2024-06-30").body().get(0);
        assertThat(carried.path("line").asText()).isEqualTo(carriedLine);
        assertThat(carried.path("open").asText()).isEqualTo("600.00");
        assertThat(carried.path("carriedOver").asText()).isEqualTo("0.00");
    }

    @Test
    void a_commitment_carried_over_from_an_opening_line_leaves_the_closed_years_carried_in_part_not_its_current_fiscal(
            Infrastructure infrastructure) throws Exception {
        // 期初: a line migrated into 2023 (origin OPENING), whose id has no carry-in mark
        String openingLine = "o1" + unit;
        String carriedLine = openingLine + ">2024";
        publish(infrastructure, 2023, List.of(
                new OpeningBalanceRecorded(openingLine, unit, 2023, LocalDate.parse("2023-01-01"), "admin", null, null,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "期初结转", null, Money.parseYuan("1000.00"), openingLine),
                new CommitmentMade("c1" + unit, unit, 2023, LocalDate.parse("2023-06-01"), "clerk", null, null, openingLine,
                        LineOrigin.OPENING, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "期初结转", Money.parseYuan("700.00"),
                        "HT-c1", "某公司", List.of(due("2023-12-31", "700.00"))),
                new YearClosed("co" + unit, unit, 2023, LocalDate.parse("2023-12-31"), "admin", null, null)));
        publish(infrastructure, 2024, List.of(
                new BalancesCarriedIn("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null, 2023,
                        List.of(new CarriedLine(carriedLine, openingLine, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "期初结转",
                                null, Money.parseYuan("1000.00"))), List.of()),
                new CommitmentCarriedOver("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null,
                        "c1" + unit, 2023, openingLine, LineOrigin.OPENING, carriedLine, Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "期初结转", Money.parseYuan("700.00"), "HT-c1", "某公司",
                        List.of(due("2024-01-01", "700.00")))));

        JsonNode lastDay = api.get("/api/v1/reports/" + unit + "/2023/execution?asOf=2023-12-31").body();
        assertThat(cell(lastDay, "期初结转", "carried_in", "committed")).isEqualTo("700.00");
        assertThat(cell(lastDay, "期初结转", "current_fiscal", "committed")).isEqualTo("0.00");
        JsonNode moved = api.get("/api/v1/reports/" + unit + "/2023/execution?asOf=2024-01-01").body();
        assertThat(cell(moved, "期初结转", "carried_in", "committed")).isEqualTo("0.00");
        assertThat(cell(moved, "期初结转", "current_fiscal", "committed")).isEqualTo("0.00");
        assertThat(cell(moved, "期初结转", "all", "committed")).isEqualTo("0.00");
        JsonNode opened = api.get("/api/v1/reports/" + unit + "/2024/execution?asOf=2024-01-01").body();
        assertThat(cell(opened, "期初结转", "carried_in", "committed")).isEqualTo("700.00");
    }

    @Test
    void a_replay_rebuilds_the_committed_amounts_and_finds_one_changed_behind_the_projections_back(Infrastructure infrastructure)
            throws Exception {
        publish(infrastructure, 2024, List.of(
                appropriated(2024, "a1", Kind.PROJECT, "重放", "1000.00"),
                committed(2024, "c1", "a1", Kind.PROJECT, "重放", "2024-02-01", "600.00", due("2024-06-01", "600.00")),
                paid(2024, "p1", "a1", "2024-03-01", "100.00", "c1" + unit),
                released(2024, "x1", "c1", "a1", Kind.PROJECT, "重放", "2024-04-01", "50.00")));

        JsonNode clean = replay(2024);
        assertThat(clean.path("identical").asBoolean()).as(clean.toString()).isTrue();

        jdbc.sql("UPDATE projection.fact_daily SET amount_fen = amount_fen + 100 WHERE unit = ? AND measure = 'COMMITTED'"
                + " AND effective_date = '2024-04-01'").param(unit).update();
        JsonNode changed = replay(2024);
        assertThat(changed.path("identical").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>();
        changed.path("differences").forEach(difference -> cells.add(difference.path("table").asText() + " "
                + difference.path("row").asText() + " " + difference.path("column").asText() + " "
                + difference.path("live").asText() + " " + difference.path("replayed").asText()));
        assertThat(cells).contains("execution 重放:all committed 451.00 450.00", "execution TOTAL:all committed 451.00 450.00");
    }

    @Test
    void a_replay_compares_every_commitment_and_names_one_changed_behind_the_projections_back(Infrastructure infrastructure)
            throws Exception {
        String carriedLine = "a1" + unit + ">2024";
        publish(infrastructure, 2023, List.of(
                appropriated(2023, "a1", Kind.PROJECT, "重放结转", "1000.00"),
                committed(2023, "c1", "a1", Kind.PROJECT, "重放结转", "2023-06-01", "700.00", due("2023-11-30", "300.00"),
                        due("2023-12-31", "400.00")),
                paid(2023, "p1", "a1", "2023-12-01", "100.00", "c1" + unit),
                new YearClosed("co" + unit, unit, 2023, LocalDate.parse("2023-12-31"), "admin", null, null)));
        publish(infrastructure, 2024, RECORDED.plusSeconds(3600), List.of(
                new BalancesCarriedIn("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null, 2023,
                        List.of(new CarriedLine(carriedLine, "a1" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT,
                                "重放结转", null, Money.parseYuan("900.00"))), List.of()),
                new CommitmentCarriedOver("co" + unit, unit, 2024, LocalDate.parse("2024-01-01"), "admin", null, null,
                        "c1" + unit, 2023, "a1" + unit, LineOrigin.APPROPRIATION, carriedLine, Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "重放结转",
                        Money.parseYuan("600.00"), "HT-c1", "某公司",
                        List.of(due("2024-01-01", "200.00"), due("2024-01-01", "400.00"))),
                new PaymentMade("p2" + unit, unit, 2024, LocalDate.parse("2024-01-15"), "clerk", null, null, carriedLine,
                        LineOrigin.CARRY_OVER, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "重放结转", "30201",
                        Money.parseYuan("250.00"), null, null, null, "c1" + unit, null, null)));

        JsonNode clean = replay(null);
        assertThat(clean.path("identical").asBoolean()).as(clean.toString()).isTrue();

        // behind the projection's back: what was paid under the carried-in commitment, and the date of a payment due
        jdbc.sql("UPDATE projection.commitment_movement SET amount_fen = amount_fen + 100 WHERE unit = ? AND year = 2024"
                + " AND type = 'PAID'").param(unit).update();
        jdbc.sql("UPDATE projection.commitment_schedule SET due_date = '2023-12-30' WHERE due_date = '2023-12-31' AND sequence"
                + " IN (SELECT sequence FROM projection.commitment_movement WHERE unit = ? AND type = 'MADE')").param(unit).update();
        JsonNode changed = replay(null);
        assertThat(changed.path("identical").asBoolean()).isFalse();
        List<String> differences = new ArrayList<>();
        changed.path("differences").forEach(difference -> differences.add(difference.path("table").asText() + " "
                + difference.path("year").asText() + " " + difference.path("row").asText() + " "
                + difference.path("column").asText() + " " + difference.path("live").asText() + " | "
                + difference.path("replayed").asText()));
        assertThat(differences).containsExactlyInAnyOrder(
                "commitments 2024 c1" + unit + " paid 251.00 | 250.00",
                "commitments 2024 c1" + unit + " open 349.00 | 350.00",
                "commitments 2024 c1" + unit + " schedule 2024-01-01 349.00 | 2024-01-01 350.00",
                "commitments 2023 c1" + unit + " schedule 2023-11-30 200.00, 2023-12-30 400.00 | 2023-11-30 200.00, 2023-12-31 400.00");
    }

    /** A replay of the unit's history, of one year or (null) of all. */
    private JsonNode replay(Integer year) {
        HttpApi.Answer started = api.post("/api/v1/audit/replays", year == null ? Map.of("unit", unit)
                : Map.of("unit", unit, "year", year));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String url = started.body().path("url").asText();
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(() -> api.get(url).body(),
                state -> !state.path("status").asText().equals("RUNNING"));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done;
    }

    @Test
    void a_bad_parameter_is_a_problem_and_an_unreadable_unit_is_not_found() {
        for (String path : List.of("alerts", "commitments")) {
            assertThat(api.get("/api/v1/reports/" + unit + "/2023/" + path + "?scope=everything").code())
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(api.get("/api/v1/reports/" + unit + "/2023/" + path + "?asOf=2023-02-30").code())
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(HttpApi.anonymous(port).get("/api/v1/reports/" + unit + "/2023/" + path).status()).isEqualTo(401);
            HttpApi.Answer foreign = HttpApi.as(port, "viewer-a").get("/api/v1/reports/" + unit + "/2023/" + path);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("NOT_FOUND");
            assertThat(HttpApi.as(port, "clerk-all").get("/api/v1/reports/" + unit + "/2023/" + path).code()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get("/api/v1/reports/" + unit + "/2023/execution/series?project=").status()).isEqualTo(200);
    }

    // ---- events -----------------------------------------------------------------------------------------------

    private BudgetAppropriated appropriated(int year, String id, Kind kind, String project, String amount) {
        lines.put(id + unit, new String[]{kind.name(), project});
        return new BudgetAppropriated(id + unit, unit, year, LocalDate.of(year, 1, 10), "clerk", null, null, id + unit,
                Fund.GENERAL_BUDGET, "2140199", kind, project, null, Money.parseYuan(amount));
    }

    private PaymentMade paid(int year, String id, String line, String date, String amount, String commitment) {
        return paid(year, id, line, date, amount, commitment, "30201");
    }

    /** A payment from a line appropriated by {@link #appropriated}, with that line's kind and project. */
    private PaymentMade paid(int year, String id, String line, String date, String amount, String commitment, String economic) {
        return new PaymentMade(id + unit, unit, year, LocalDate.parse(date), "clerk", null, null, line + unit,
                LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", lineKind(line), lineProject(line), economic,
                Money.parseYuan(amount), null, null, null, commitment, null, null);
    }

    private CommitmentMade committed(int year, String id, String line, Kind kind, String project, String date, String amount,
                                     ScheduledPayment... schedule) {
        return new CommitmentMade(id + unit, unit, year, LocalDate.parse(date), "clerk", null, null, line + unit,
                LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", kind, project, Money.parseYuan(amount), "HT-" + id,
                "某公司", List.of(schedule));
    }

    private CommitmentReleased released(int year, String id, String commitment, String line, Kind kind, String project,
                                        String date, String amount) {
        return new CommitmentReleased(id + unit, unit, year, LocalDate.parse(date), "clerk", null, null, commitment + unit,
                line + unit, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", kind, project, Money.parseYuan(amount));
    }

    private PaymentRefunded refunded(int year, String id, String payment, String line, Kind kind, String project, String date,
                                     String amount) {
        return new PaymentRefunded(id + unit, unit, year, LocalDate.parse(date), "clerk", null, null, payment + unit, line + unit,
                LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", kind, project, "30201", Money.parseYuan(amount));
    }

    private static ScheduledPayment due(String date, String amount) {
        return new ScheduledPayment(LocalDate.parse(date), Money.parseYuan(amount));
    }

    /** Each line's kind and project, as {@link #appropriated} made it: a payment from it carries them. */
    private final Map<String, String[]> lines = new java.util.HashMap<>();

    private Kind lineKind(String line) {
        String[] known = lines.get(line + unit);
        return known == null ? Kind.BASIC : Kind.valueOf(known[0]);
    }

    private String lineProject(String line) {
        String[] known = lines.get(line + unit);
        return known == null ? null : known[1];
    }

    /** Publishes a unit-year's events, each recorded a second after the one before, and waits until they are applied. */
    private void publish(Infrastructure infrastructure, int year, List<LedgerEvent> events) throws Exception {
        publish(infrastructure, year, RECORDED, events);
    }

    /** As {@link #publish(Infrastructure, int, List)}, the first event recorded a second after {@code after}. */
    private void publish(Infrastructure infrastructure, int year, Instant after, List<LedgerEvent> events) throws Exception {
        List<ObjectNode> values = new ArrayList<>();
        Instant recordedAt = after;
        for (LedgerEvent event : events) {
            recordedAt = recordedAt.plusSeconds(1);
            values.add(WireFormat.value(new EventEnvelope(UUID.randomUUID().toString(), ++sequence, event.eventName(),
                    recordedAt), event));
        }
        WireFormat.publish(infrastructure, unit + ":" + year, values);
        long last = sequence;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/reports/" + unit + "/" + year + "/T01?scope=unit&minSequence=" + last).status() == 200);
    }

    private void publishRegistry(Infrastructure infrastructure, RecordedEvent... events) throws Exception {
        for (RecordedEvent event : events) {
            long registered = ++sequence;
            WireFormat.publish(infrastructure, event.key(), List.of(WireFormat.value(new EventEnvelope(
                    UUID.randomUUID().toString(), registered, event.eventName(), RECORDED.minusSeconds(3600)), event)));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get("/api/v1/reports/" + unit + "/2024/T01?minSequence=" + registered).status() == 200);
        }
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    /** The alerts of one code, in the order the API answers them. */
    private List<JsonNode> alerts(int year, String query, String code) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/" + year + "/alerts?" + query);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().isArray()).isTrue();
        return StreamSupport.stream(answer.body().spliterator(), false)
                .filter(alert -> alert.path("code").asText().equals(code)).toList();
    }

    private static Map<String, String> figures(JsonNode alert) {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        alert.path("figures").fields().forEachRemaining(entry -> figures.put(entry.getKey(), entry.getValue().asText()));
        return figures;
    }

    private JsonNode point(int year, String query, String date) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + unit + "/" + year + "/execution/series?" + query);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        for (JsonNode point : answer.body().path("points")) {
            if (point.path("date").asText().equals(date)) {
                return point;
            }
        }
        throw new AssertionError("no point at " + date + " in " + answer.body());
    }

    private static String cell(JsonNode report, String code, String part, String column) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals(code) && row.path("part").asText().equals(part)) {
                return row.path("values").path(column).asText();
            }
        }
        throw new AssertionError("no row " + code + " " + part + " in " + report);
    }
}
