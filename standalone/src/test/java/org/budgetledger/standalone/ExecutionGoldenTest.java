package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example's 绩效自评 附件 project by project: the demo's 2023 execution report of 430001 (万元) against the
 * seed's 附件2 (the whole unit) and 附件3-1 … 3-4 (运行维护经费, 业务工作经费, 省级专项资金, 其他事业发展基金), each fund row's
 * 年初预算数, 全年预算数, 全年执行数 and 执行率, and on each 年度资金总额 row the 分值 (10) and 得分 as the printed form shows
 * them. The seed's 分值 and 得分 on the fund rows beneath (e.g. 7 / 2.5 / 0.5 in 附件2) are the unit's own split of the
 * 10 points, which nothing in the ledger determines: they are not compared. A blank in the seed is a zero when the
 * ledger's row of that fund is all zero (the 附件 leaves empty what the project has none of).
 *
 * <p>Where the seed contradicts its own tables, or the ledger's rules, no history reproduces it: {@link #KNOWN}
 * lists each such cell with the reason, as {@code PublicationGoldenTest} lists the 第三部分's.
 */
class ExecutionGoldenTest extends StandaloneIntegrationTest {

    private static final String UNIT = WorkedExample.UNIT;
    private static final Map<String, String> PARTS = Map.of("年度资金总额", "all", "当年财政拨款", "current_fiscal",
            "上年结转资金", "carried_in", "其他资金", "other");

    /** A published cell no history can reproduce: what the seed prints, what the ledger reports, and why. */
    private record Known(String cell, String seed, String ledger, String why) {
        String difference() {
            return cell + ": published " + seed + ", reported " + ledger;
        }
    }

    private static final List<Known> KNOWN = List.of(
            new Known("附件2 TOTAL 其他资金 initial_budget", "\"\"", "0.00",
                    "the ledger's lines start with an appropriation: the other funds' line has 1 元 of 年初预算 (as GoldenReproductionTest)"),
            new Known("附件3-1 运行维护经费 年度资金总额 initial_budget", "961.53", "1015.44",
                    "the seed's 总额 leaves out its own 上年结转资金: 当年财政拨款 961.53 + 上年结转资金 53.91 = 1015.44"),
            new Known("附件3-1 运行维护经费 年度资金总额 score", "8.58", "8.50",
                    "the seed adds its fund rows' scores (7.58 + 1); 分值 × 执行率 is 10 × 84.99% = 8.50"),
            new Known("附件3-2 业务工作经费 年度资金总额 rate", "75.73", "75.74",
                    "612.72 / 809.01 = 75.737%: no amounts that print as 612.72 and 809.01 round to 75.73%"),
            new Known("附件3-2 业务工作经费 其他资金 initial_budget", "\"\"", "0.00",
                    "as 附件2's 其他资金: its line starts with an appropriation of 1 元"),
            new Known("附件3-3 省级专项资金 年度资金总额 initial_budget", "1243.94", "1181.94",
                    "the seed's carry-in shrinks by 62 万元 in the year (1243.94 → 1181.94) while 附件2's 上年结转资金 does not "
                            + "(1320.38 → 1320.38); a carried-in line cannot be adjusted (LINE_NOT_ADJUSTABLE): the ledger carries in 1181.94"),
            new Known("附件3-3 省级专项资金 上年结转资金 initial_budget", "1243.94", "1181.94", "as its 年度资金总额 above"));

    private HttpApi api;

    @BeforeEach
    void postTheWorkedExample() {
        api = new HttpApi(port);
        WorkedExample.post(api);
    }

    @Test
    void the_demo_reproduces_the_seeds_execution_tables_project_by_project() throws IOException {
        JsonNode report = api.get("/api/v1/reports/" + UNIT + "/2023/execution?scale=wanyuan&scope=unit").body();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (XSSFWorkbook form = new XSSFWorkbook(new ByteArrayInputStream(download(
                "/api/v1/reports/" + UNIT + "/2023/execution?format=xlsx&scale=wanyuan&scope=unit")))) {
            XSSFSheet sheet = form.getSheet("预算执行");
            for (Map<String, String> expected : GoldenReproductionTest.csv("EXECUTION.csv")) {
                boolean unit = expected.get("sheet").equals("附件2");
                String code = unit ? "TOTAL" : expected.get("project");
                String cell = expected.get("sheet") + " " + code + " " + expected.get("row");
                JsonNode row = row(report, code, PARTS.get(expected.get("row")));
                assertThat(row).as(cell).isNotNull();
                JsonNode values = row.path("values");
                boolean none = List.of("initial_budget", "full_year_budget", "executed").stream()
                        .allMatch(column -> new BigDecimal(values.path(column).asText()).signum() == 0);
                for (String column : List.of("initial_budget", "full_year_budget", "executed", "rate")) {
                    String published = expected.get(column).replace("%", "");
                    String reported = values.path(column).asText();
                    compared++;
                    boolean same = published.isEmpty() ? reported.isEmpty() || none : GoldenReproductionTest.sameNumber(published, reported);
                    if (!same) {
                        differences.add(cell + " " + column + ": published " + (published.isEmpty() ? "\"\"" : published)
                                + ", reported " + reported);
                    }
                }
                if (expected.get("row").equals("年度资金总额")) {
                    Row printed = block(sheet, unit ? "合计" : code);
                    assertThat(printed.getCell(5).getStringCellValue()).as(cell + " 分值").isEqualTo(expected.get("weight"));
                    String score = printed.getCell(7).getCellType() == CellType.NUMERIC
                            ? BigDecimal.valueOf(printed.getCell(7).getNumericCellValue()).setScale(2).toPlainString() : "";
                    compared++;
                    if (!GoldenReproductionTest.sameNumber(expected.get("score"), score)) {
                        differences.add(cell + " score: published " + expected.get("score") + ", reported " + score);
                    }
                }
            }
        }

        assertThat(compared).as("published cells compared").isEqualTo(20 * 4 + 5);
        assertThat(differences).containsExactlyInAnyOrderElementsOf(KNOWN.stream().map(Known::difference).toList());
    }

    private static JsonNode row(JsonNode report, String code, String part) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("code").asText().equals(code) && row.path("part").asText().equals(part)) {
                return row;
            }
        }
        return null;
    }

    /** The printed form's row that names the project (its block's first, 年度资金总额). */
    private static Row block(XSSFSheet sheet, String name) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(name)) {
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("年度资金总额");
                return row;
            }
        }
        throw new AssertionError("no block of " + name + " in the printed execution form");
    }

    private byte[] download(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> headers.setBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN)).retrieve().body(byte[].class);
    }
}
