package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

/**
 * SPEC §13 in the projection, three levels deep (厅 → 中心 → 站, and a unit of another department): a grant of a
 * unit reads its whole department on every read endpoint, a subordinate's user never reads its parent (404), and
 * the structure is today's as known now (a unit moved out of the department today is no longer read through it).
 */
@RealInfrastructure
// writes the read model itself: its Kafka listener must not join the consumer group other tests steer
@SpringBootTest(classes = ProjectionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.auto-startup=false",
                "budgetledger.security.users.ting-user.password={noop}ting-user",
                "budgetledger.security.users.ting-user.roles=AUDITOR",
                "budgetledger.security.users.ting-user.units=" + DepartmentAccessTest.TING,
                "budgetledger.security.users.centre-user.password={noop}centre-user",
                "budgetledger.security.users.centre-user.roles=AUDITOR",
                "budgetledger.security.users.centre-user.units=" + DepartmentAccessTest.CENTRE,
                "budgetledger.security.users.station-user.password={noop}station-user",
                "budgetledger.security.users.station-user.roles=AUDITOR",
                "budgetledger.security.users.station-user.units=" + DepartmentAccessTest.STATION})
class DepartmentAccessTest {

    static final String TING = "SXT";
    static final String CENTRE = "SXC";
    static final String STATION = "SXS";
    static final String OTHER = "SXO";
    /** Under the 厅 until today, when it moves to the other department. */
    static final String LEAVING = "SXL";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReadModelWriter writer;

    private long sequence;
    private final List<Delivered> events = new ArrayList<>();

    @BeforeEach
    void department() {
        sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        Instant registered = Instant.parse("2023-01-02T00:00:00Z");
        add(new UnitRegistered(TING, "交通运输厅", null, UnitType.ADMINISTRATIVE, "admin"), registered);
        add(new UnitRegistered(CENTRE, "科技信息中心", TING, UnitType.PUBLIC_SERVICE_1, "admin"), registered);
        add(new UnitRegistered(STATION, "监测站", CENTRE, UnitType.PUBLIC_SERVICE_2, "admin"), registered);
        add(new UnitRegistered(OTHER, "另一厅", null, UnitType.ADMINISTRATIVE, "admin"), registered);
        add(new UnitRegistered(LEAVING, "调出单位", TING, UnitType.OTHER, "admin"), registered);
        add(new UnitChanged(LEAVING, LocalDate.now().minusDays(1), null, OTHER, null, "admin"), Instant.now().minusSeconds(60));
        for (String unit : List.of(TING, CENTRE, STATION, OTHER, LEAVING)) {
            add(new BudgetAppropriated("a" + UUID.randomUUID(), unit, 2023, LocalDate.parse("2023-01-10"), "clerk", null, null,
                    "a1" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("10.00")), registered);
        }
        writer.apply(events);
    }

    @Test
    void a_grant_reads_its_department_and_a_subordinates_user_never_its_parent() {
        Map<String, List<String>> reads = Map.of("ting-user", List.of(TING, CENTRE, STATION),
                "centre-user", List.of(CENTRE, STATION), "station-user", List.of(STATION));
        reads.forEach((user, readable) -> {
            HttpApi api = HttpApi.as(port, user);
            for (String unit : List.of(TING, CENTRE, STATION, OTHER, LEAVING)) {
                int expected = readable.contains(unit) ? 200 : 404;
                for (String path : List.of("/T01", "/T03?format=csv", "/execution", "/checks", "/execution/series",
                        "/workbook", "/alerts", "/commitments")) {
                    assertThat(api.get("/api/v1/reports/" + unit + "/2023" + path).status())
                            .as("%s reads %s%s", user, unit, path).isEqualTo(expected);
                }
                assertThat(api.get("/api/v1/reports/" + unit + "/years").status()).as("%s years of %s", user, unit)
                        .isEqualTo(expected);
                if (expected == 404) {
                    assertThat(api.get("/api/v1/reports/" + unit + "/2023/T01").code()).isEqualTo("NOT_FOUND");
                    HttpApi.Answer replay = api.postRaw("/api/v1/audit/replays", "{\"unit\":\"" + unit + "\",\"year\":2023}");
                    assertThat(replay.status()).as("%s replays %s", user, unit).isEqualTo(404);
                }
            }
        });
        // a replay of a unit of the department is the department's user's to ask for, and to look at
        HttpApi ting = HttpApi.as(port, "ting-user");
        HttpApi.Answer started = ting.postRaw("/api/v1/audit/replays", "{\"unit\":\"" + STATION + "\",\"year\":2023}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String url = started.body().path("url").asText();
        assertThat(ting.get(url).status()).isEqualTo(200);
        assertThat(HttpApi.as(port, "station-user").get(url).status()).isEqualTo(200);
        assertThat(HttpApi.as(port, "centre-user").get(url).status()).isEqualTo(200);
        // (these events were not published on the topic, so the replay differs; it is awaited to leave nothing running)
        await().atMost(Duration.ofSeconds(120)).until(() -> !ting.get(url).body().path("status").asText().equals("RUNNING"));
        assertThat(ting.get(url).body().path("status").asText()).as(ting.get(url).body().toString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_department_report_names_only_units_the_caller_reads_now_or_read_at_the_reports_date() {
        // Y ← V ← W until yesterday; then W moves to Y and V to the 厅: V is the 厅's now, W never was
        String y = "SXY" + sequence % 1000, v = "SXV" + sequence % 1000, w = "SXW" + sequence % 1000;
        String planned = "SXP" + sequence % 1000;
        events.clear();
        Instant registered = Instant.parse("2023-01-02T00:00:00Z");
        LocalDate yesterday = LocalDate.now().minusDays(1);
        add(new UnitRegistered(y, "外厅", null, UnitType.ADMINISTRATIVE, "admin"), registered);
        add(new UnitRegistered(v, "划入单位", y, UnitType.OTHER, "admin"), registered);
        add(new UnitRegistered(w, "外厅下属", v, UnitType.OTHER, "admin"), registered);
        add(new UnitChanged(w, yesterday, null, y, null, "admin"), Instant.now().minusSeconds(60));
        add(new UnitChanged(v, yesterday, null, TING, null, "admin"), Instant.now().minusSeconds(60));
        // a reorganisation recorded today, effective in 2030: the unit joins the 厅 only then
        add(new UnitRegistered(planned, "拟划入单位", null, UnitType.OTHER, "admin"), registered);
        add(new UnitChanged(planned, LocalDate.of(2030, 1, 1), null, TING, null, "admin"), Instant.now().minusSeconds(60));
        for (String unit : List.of(y, v, w, planned)) {
            add(new BudgetAppropriated("a" + UUID.randomUUID(), unit, 2023, LocalDate.parse("2023-01-10"), "clerk", null, null,
                    "a1" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("10.00")), registered);
        }
        writer.apply(events);
        HttpApi ting = HttpApi.as(port, "ting-user");

        for (String path : List.of("/T01", "/T03?format=csv", "/execution", "/checks", "/execution/series", "/workbook",
                "/T01/cells?row=income:1&column=amount", "/T01/diff")) {
            assertThat(ting.get("/api/v1/reports/" + v + "/2023" + path).status())
                    .as("V's 2023 department is V and W, and W was never the 厅's: %s", path).isEqualTo(404);
            String unitScope = "/api/v1/reports/" + v + "/2023" + path + (path.contains("?") ? "&" : "?") + "scope=unit";
            assertThat(ting.get(unitScope).status()).as("V alone is the 厅's now: %s", path).isEqualTo(200);
        }
        assertThat(ting.get("/api/v1/reports/" + TING + "/2023/T03?asOf=2030-01-01").status())
                .as("a unit that joins only in 2030 is not read through the 厅 today").isEqualTo(404);
        assertThat(ting.get("/api/v1/reports/" + TING + "/2023/T03?asOf=2023-12-31").status())
                .as("a unit that left the 厅 yesterday was the 厅's at the report's date").isEqualTo(200);
    }

    @Test
    void a_department_report_is_not_fresh_for_a_sequence_of_one_of_its_units_that_is_not_applied_yet() {
        events.clear();
        // later than every sequence the other tests applied (theirs start below 2^50), as the store's sequences are
        sequence = (1L << 60) + ThreadLocalRandom.current().nextLong(1L << 40);
        Instant now = Instant.now();
        add(new BudgetAppropriated("a" + UUID.randomUUID(), CENTRE, 2023, LocalDate.parse("2023-02-01"), "clerk", null, null,
                "late" + sequence, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("1.00")), now);
        long centresPosting = sequence;
        add(new BudgetAppropriated("a" + UUID.randomUUID(), TING, 2023, LocalDate.parse("2023-02-01"), "clerk", null, null,
                "early" + sequence, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("1.00")), now);
        // the 厅's partition ran ahead: its later event is applied, the centre's earlier one is still on its way
        writer.apply(events.subList(1, 2));
        HttpApi ting = HttpApi.as(port, "ting-user");

        HttpApi.Answer department = ting.get("/api/v1/reports/" + TING + "/2023/T01?minSequence=" + centresPosting);
        assertThat(department.status()).as(department.body().toString()).isEqualTo(409);
        assertThat(department.code()).isEqualTo("NOT_YET_APPLIED");
        assertThat(ting.get("/api/v1/reports/" + TING + "/2023/T01?scope=unit&minSequence=" + centresPosting).status())
                .as("the 厅 alone has applied everything of its own up to there").isEqualTo(200);

        writer.apply(events.subList(0, 1));
        assertThat(ting.get("/api/v1/reports/" + TING + "/2023/T01?minSequence=" + centresPosting).status()).isEqualTo(200);
    }

    private void add(RecordedEvent event, Instant recordedAt) {
        events.add(new Delivered(new EventEnvelope(UUID.randomUUID().toString(), ++sequence, event.eventName(), recordedAt), event));
    }
}
