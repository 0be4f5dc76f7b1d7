package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --budgetledger.demo=true}: the worked example and, around it, a department (issue #18): 湖南省交通运输厅
 * with the centre and two more units, whose subsidies and remittance agree. The centre's own tables stay the
 * published ones ({@link GoldenReproductionTest} compares every cell of the same history).
 *
 * <p>Issue #18's server side arrives in parts: a ledger that takes no {@code counterparty} refuses the department,
 * and then none of it may be stored; the consolidated figures are checked once the projection answers
 * {@code scope}.
 */
class DemoDataTest {

    /** As the demo's department file registers them. */
    private static final Map<String, String> DEMO_UNIT_NAMES = Map.of("430000", "湖南省交通运输厅",
            "430001", "湖南省交通运输厅科技信息中心", "430002", "湖南省交通运输厅公路事务服务中心", "430003", "湖南省交通运输厅机关服务中心");

    private static final String CENTRE = "430001";
    private static final String DEPARTMENT = "430000";

    @Test
    void the_demo_adds_a_department_around_the_centre_and_the_centres_own_tables_stay_the_published_ones(
            @TempDir Path dataDirectory) {
        try (StandaloneLauncher.Running running = StandaloneLauncher.start(arguments(dataDirectory))) {
            HttpApi api = new HttpApi(((ServletWebServerApplicationContext) running.context()).getWebServer().getPort());

            Map<String, JsonNode> units = new HashMap<>();
            api.get("/api/v1/units").body().forEach(unit -> units.put(unit.path("code").asText(), unit));
            assertThat(units).containsOnlyKeys(DEPARTMENT, CENTRE, "430002", "430003");
            assertThat(units.get(DEPARTMENT).path("name").asText()).isEqualTo("湖南省交通运输厅");
            assertThat(units.get(CENTRE).path("name").asText()).isEqualTo("湖南省交通运输厅科技信息中心");

            // the centre's own 公开01表 (万元), as published: 一般公共预算财政拨款收入, 收入总计, 一般公共服务支出
            await().atMost(Duration.ofSeconds(60)).until(() -> t01(api, CENTRE, "unit", "wanyuan", 31).equals("9234.69"));
            assertThat(t01(api, CENTRE, "unit", "wanyuan", 1)).isEqualTo("7905.95");
            assertThat(t01(api, CENTRE, "unit", "wanyuan", 32)).isEqualTo("40.37");
            assertThat(t01(api, CENTRE, "unit", "wanyuan", 62)).isEqualTo("9234.69");
            assertThat(api.get("/api/v1/reports/" + CENTRE + "/2023/checks?scope=unit").body().path("ok").asBoolean()).isTrue();

            assertThat(units.get(DEPARTMENT).path("parent").isNull()).isTrue();
            assertThat(units.get(DEPARTMENT).path("type").asText()).isEqualTo("ADMINISTRATIVE");
            for (String unit : List.of(CENTRE, "430002", "430003")) {
                assertThat(units.get(unit).path("parent").asText()).as(unit).isEqualTo(DEPARTMENT);
            }

            assertThat(api.get("/api/v1/transactions/hn23d-t-S2?unit=" + DEPARTMENT).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> t01(api, "430003", "unit", "yuan", 4).equals("300000.00"));
            theDepartmentConsolidates(api);
            thePublicationsAreTheWorkedExamplesAndTheDepartments(api);
        }
    }

    /**
     * SPEC §15: the centre's publication with the demo's disclosure, profile and 2022 reference; the department's with
     * its units and the 厅's 机关运行经费 (a 行政单位: the 公用经费 of its fiscal basic spending, 10.00 万元 of 30201).
     */
    private static void thePublicationsAreTheWorkedExamplesAndTheDepartments(HttpApi api) {
        await().atMost(Duration.ofSeconds(60)).until(() -> statements(api, CENTRE, "unit").contains("较2022年减少9817.03万元"));
        assertThat(statements(api, CENTRE, "unit")).contains("本部门2023年度政府采购支出总额2979.23万元",
                "全年共接待来访团组2个、来宾15人次", "本单位为公益一类事业单位，无行政机关运行经费支出。", "其他用车主要是业务用车");
        String department = statements(api, DEPARTMENT, "department") + profile(api, DEPARTMENT);
        assertThat(department).contains("湖南省交通运输厅2023年部门决算汇总公开单位构成包括：本级及所属3个单位：湖南省交通运输厅科技信息中心、"
                + "湖南省交通运输厅公路事务服务中心、湖南省交通运输厅机关服务中心。", "2023年度机关运行经费支出10.00万元。");
    }

    private static String statements(HttpApi api, String unit, String scope) {
        return text(api.get("/api/v1/publications/" + unit + "/2023?format=json&scope=" + scope).body(), "statements");
    }

    private static String profile(HttpApi api, String unit) {
        return text(api.get("/api/v1/publications/" + unit + "/2023?format=json").body(), "profile");
    }

    private static String text(JsonNode publication, String partKey) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : publication.path("parts")) {
            if (part.path("key").asText().equals(partKey)) {
                part.findValues("segments").forEach(segments -> segments.forEach(segment -> text.append(segment.path("text").asText())));
            }
        }
        return text.toString();
    }

    /** 汇总 leaves out the three internal flows, and nothing else; 本级 keeps them; every pair agrees. */
    private static void theDepartmentConsolidates(HttpApi api) {
        assertThat(t01(api, "430002", "unit", "yuan", 4)).isEqualTo("500000.00");
        assertThat(t01(api, DEPARTMENT, "unit", "yuan", 7)).isEqualTo("120000.00");
        // 上级补助收入 and 附属单位上缴收入: only internal ones in the department
        assertThat(t01(api, DEPARTMENT, "department", "yuan", 4)).isEqualTo("0.00");
        assertThat(t01(api, DEPARTMENT, "department", "yuan", 7)).isEqualTo("0.00");
        // 事业收入 (430002's) and 其他收入 (the 厅's 900000.00 and the centre's 700.00) are not moved
        assertThat(t01(api, DEPARTMENT, "department", "yuan", 5)).isEqualTo("200000.00");
        assertThat(t01(api, DEPARTMENT, "department", "yuan", 8)).isEqualTo("900700.00");
        JsonNode unitTotal = total(api.get("/api/v1/reports/" + DEPARTMENT + "/2023/T03?scale=yuan&scope=unit").body());
        assertThat(unitTotal.path("subsidy_affiliate").asText()).isEqualTo("800000.00");
        JsonNode departmentTotal = total(api.get("/api/v1/reports/" + DEPARTMENT + "/2023/T03?scale=yuan&scope=department").body());
        assertThat(departmentTotal.path("subsidy_affiliate").asText()).isEqualTo("0.00");
        assertThat(departmentTotal.path("remit_superior").asText()).isEqualTo("0.00");

        JsonNode checks = api.get("/api/v1/reports/" + DEPARTMENT + "/2023/checks?scope=department").body();
        assertThat(checks.path("ok").asBoolean()).as(checks.toString()).isTrue();
        List<String> flows = new ArrayList<>();
        for (JsonNode check : checks.path("checks")) {
            if (check.has("payer")) {
                assertThat(check.path("name").asText()).isEqualTo("内部往来核对");
                assertThat(check.path("ok").asBoolean()).isTrue();
                flows.add(check.path("payer").asText() + "→" + check.path("receiver").asText() + " "
                        + check.path("left").asText() + "=" + check.path("right").asText());
                assertThat(check.path("description").asText()).as("both units by their names")
                        .contains(DEMO_UNIT_NAMES.get(check.path("payer").asText()), DEMO_UNIT_NAMES.get(check.path("receiver").asText()));
            }
        }
        assertThat(flows).containsExactlyInAnyOrder("430000→430002 500000.00=500000.00",
                "430000→430003 300000.00=300000.00", "430002→430000 120000.00=120000.00");
    }

    private static String t01(HttpApi api, String unit, String scope, String scale, int line) {
        JsonNode report = api.get("/api/v1/reports/" + unit + "/2023/T01?scale=" + scale + "&scope=" + scope).body();
        for (JsonNode row : report.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row.path("values").path("amount").asText();
            }
        }
        throw new AssertionError("T01 of " + unit + " has no line " + line + ": " + report);
    }

    private static JsonNode total(JsonNode report) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals("TOTAL")) {
                return row.path("values");
            }
        }
        throw new AssertionError("no TOTAL row: " + report);
    }

    private static String[] arguments(Path dataDirectory) {
        return Stream.of(Stream.of("--budgetledger.data-dir=" + dataDirectory, "--server.port=0",
                        "--budgetledger.demo=true"), Arrays.stream(TestUsers.arguments()))
                .flatMap(stream -> stream).toArray(String[]::new);
    }
}
