package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-down of one small unit-year, whose every transaction the test knows: what a line shows (id, type,
 * dates, the catalog's names, 摘要, 凭证号, who posted it), each amount with its sign in the cell, the 三公 limit in
 * force; and every request it refuses, with its code.
 */
class CellRequestsTest extends ProjectionIntegrationTest {

    private static final Instant RECORDED = Instant.parse("2023-02-01T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ReadModelWriter writer;

    private HttpApi api;
    private String unit;
    private String cells;

    @BeforeEach
    void history() {
        api = new HttpApi(port);
        unit = "K" + UUID.randomUUID().toString().substring(0, 8);
        cells = "/api/v1/reports/" + unit + "/2023/";
        long sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<LedgerEvent> events = List.of(
                new BudgetAppropriated("a-" + unit, unit, 2023, LocalDate.of(2023, 1, 10), "clerk-li", "年初批复", "批-001",
                        "a-" + unit, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", null, Money.parseYuan("10000.00")),
                new PaymentMade("p-" + unit, unit, 2023, LocalDate.of(2023, 3, 15), "clerk-wang", "差旅费报销", "记-0012",
                        "a-" + unit, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费",
                        "30211", Money.parseYuan("2500.50"), "某航空公司", null),
                new PaymentRefunded("r-" + unit, unit, 2023, LocalDate.of(2023, 4, 2), "clerk-wang", "多付退回", "记-0020",
                        "p-" + unit, "a-" + unit, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT,
                        "业务工作经费", "30211", Money.parseYuan("500.50")),
                new ThreePublicLimitSet("l1-" + unit, unit, 2023, LocalDate.of(2023, 1, 1), "clerk-li", null, null,
                        ThreePublicCategory.RECEPTION, Money.parseYuan("3000.00")),
                new ThreePublicLimitSet("l2-" + unit, unit, 2023, LocalDate.of(2023, 6, 1), "clerk-li", "年中调整", null,
                        ThreePublicCategory.RECEPTION, Money.parseYuan("2000.00")));
        List<Delivered> delivered = new ArrayList<>();
        for (int n = 0; n < events.size(); n++) {
            delivered.add(new Delivered(new EventEnvelope(UUID.randomUUID().toString(), sequence + n, events.get(n).eventName(),
                    RECORDED.plusSeconds(n)), events.get(n)));
        }
        writer.apply(delivered);
    }

    @Test
    void a_line_shows_the_transaction_with_its_names_and_its_amount_as_the_cell_counts_it() {
        JsonNode project = ok(cells + "T03/cells?row=2140199&column=project&scope=unit&asOf=2023-12-31");
        assertThat(project.path("cell").asText()).isEqualTo("2000.00");
        assertThat(project.path("pageTotal").asText()).isEqualTo("2000.00");
        assertThat(project.path("rowName").asText()).isEqualTo("其他公路水路运输支出");
        assertThat(project.path("hasNext").asBoolean()).isFalse();
        JsonNode paid = project.path("transactions").get(0);
        assertThat(paid.path("id").asText()).isEqualTo("p-" + unit);
        assertThat(paid.path("type").asText()).isEqualTo("PAY");
        assertThat(paid.path("date").asText()).isEqualTo("2023-03-15");
        assertThat(paid.path("recordedAt").asText()).isEqualTo("2023-02-01T02:00:01Z");
        assertThat(paid.path("subject").path("code").asText()).isEqualTo("2140199");
        assertThat(paid.path("subject").path("name").asText()).isEqualTo("其他公路水路运输支出");
        assertThat(paid.path("economic").path("code").asText()).isEqualTo("30211");
        assertThat(paid.path("economic").path("name").asText()).isEqualTo("差旅费");
        assertThat(paid.path("kind").asText()).isEqualTo("PROJECT");
        assertThat(paid.path("project").asText()).isEqualTo("业务工作经费");
        assertThat(paid.path("amount").asText()).isEqualTo("2500.50");
        assertThat(paid.path("memo").asText()).isEqualTo("差旅费报销");
        assertThat(paid.path("voucher").asText()).isEqualTo("记-0012");
        assertThat(paid.path("principal").asText()).isEqualTo("clerk-wang");
        assertThat(paid.has("unit")).as("the unit's own report names no unit per line").isFalse();
        JsonNode refunded = project.path("transactions").get(1);
        assertThat(refunded.path("type").asText()).isEqualTo("REFUND");
        assertThat(refunded.path("amount").asText()).isEqualTo("-500.50");

        // 年末结转和结余: the appropriation counts, the spending is taken away
        JsonNode closing = ok(cells + "T01/cells?row=expenditure:60&column=amount&scope=unit");
        assertThat(closing.path("cell").asText()).isEqualTo("8000.00");
        assertThat(closing.path("transactions").findValuesAsText("amount")).containsExactly("10000.00", "-2500.50", "500.50");
        assertThat(closing.path("transactions").findValuesAsText("type")).containsExactly("APPROPRIATE", "PAY", "REFUND");
        // and a 类 row of the summary by its code, at department scope (a unit without descendants): units named
        JsonNode transport = ok(cells + "T01/cells?row=214&column=amount");
        assertThat(transport.path("cell").asText()).isEqualTo("2000.00");
        assertThat(transport.path("transactions").findValuesAsText("unit")).containsOnly(unit);

        // 三公 预算数: the limit in force at asOf, not the one it replaced
        JsonNode limit = ok(cells + "T09/cells?row=budget&column=reception&asOf=2023-12-31");
        assertThat(limit.path("cell").asText()).isEqualTo("2000.00");
        assertThat(limit.path("transactions")).hasSize(1);
        assertThat(limit.path("transactions").get(0).path("id").asText()).isEqualTo("l2-" + unit);
        assertThat(limit.path("transactions").get(0).path("type").asText()).isEqualTo("SET_LIMIT");
        assertThat(limit.path("transactions").get(0).path("category").asText()).isEqualTo("RECEPTION");
        assertThat(ok(cells + "T09/cells?row=budget&column=total&asOf=2023-05-31").path("transactions")
                .findValuesAsText("id")).containsExactly("l1-" + unit);

        // before the refund was recorded, only the payment
        JsonNode earlier = ok(cells + "T03/cells?row=2140199&column=project&knownAt=2023-02-01T02:00:01.5Z");
        assertThat(earlier.path("cell").asText()).isEqualTo("2500.50");
        assertThat(earlier.path("transactions").findValuesAsText("id")).containsExactly("p-" + unit);
    }

    @Test
    void the_comparison_with_an_earlier_instant_shows_what_was_posted_since() {
        JsonNode diff = ok(cells + "T03/diff?scope=unit&knownAt1=2023-02-01T02:00:01.5Z");
        assertThat(diff.path("first").path("knownAt").asText()).isEqualTo("2023-02-01T02:00:01.500Z");
        assertThat(diff.path("cells").findValuesAsText("row")).containsOnly("TOTAL", "214", "21401", "2140199");
        JsonNode total = diff.path("cells").get(0);
        assertThat(total.path("column").asText()).isEqualTo("total");
        assertThat(total.path("before").asText()).isEqualTo("2500.50");
        assertThat(total.path("after").asText()).isEqualTo("2000.00");
        assertThat(total.path("change").asText()).isEqualTo("-500.50");
        assertThat(total.path("transactions").findValuesAsText("id")).containsExactly("r-" + unit);
    }

    @Test
    void a_request_for_no_cell_is_refused_with_its_code() {
        assertProblem(cells + "T10/cells?row=TOTAL&column=total", 404, "NOT_FOUND", null);
        assertProblem(cells + "T03/cells?row=TOTAL&column=nothing", 400, "UNKNOWN_CELL", "column");
        assertProblem(cells + "T03/cells?row=21401999&column=total", 400, "UNKNOWN_CELL", "row");
        assertProblem(cells + "T01/cells?row=expenditure:99&column=amount", 400, "UNKNOWN_CELL", "row");
        assertProblem(cells + "execution/cells?row=TOTAL&column=executed", 400, "UNKNOWN_CELL", "row");
        assertProblem(cells + "execution/cells?row=all:TOTAL&column=rate", 400, "UNKNOWN_CELL", "column");
        assertProblem(cells + "T04/cells?row=income:1&column=gov_fund", 400, "UNKNOWN_CELL", "row");
        assertProblem(cells + "T03/cells?column=total", 400, "VALIDATION_FAILED", "row");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&page=-1", 400, "VALIDATION_FAILED", "page");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&size=0", 400, "VALIDATION_FAILED", "size");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&size=501", 400, "VALIDATION_FAILED", "size");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&page=x", 400, "VALIDATION_FAILED", "page");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&scope=all", 400, "VALIDATION_FAILED", "scope");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&asOf=2023-13-01", 400, "VALIDATION_FAILED", "asOf");
        assertProblem(cells + "T03/cells?row=TOTAL&column=total&knownAt=+10000-01-01T00:00:00Z", 400, "VALIDATION_FAILED", null);
        assertProblem(cells + "T03/diff?size=501", 400, "VALIDATION_FAILED", "size");
        assertProblem(cells + "T03/diff?knownAt1=yesterday", 400, "VALIDATION_FAILED", "knownAt1");
        assertProblem(cells + "T10/diff", 404, "NOT_FOUND", null);
    }

    @Test
    void the_units_a_caller_may_not_read_do_not_exist_for_it_and_a_clerk_reads_no_reports() {
        for (String path : List.of(cells + "T03/cells?row=TOTAL&column=total", cells + "T03/diff")) {
            HttpApi.Answer other = HttpApi.as(port, "viewer-a").get(path);
            assertThat(other.status()).as(path).isEqualTo(404);
            assertThat(other.code()).isEqualTo("NOT_FOUND");
            assertThat(HttpApi.as(port, "clerk-all").get(path).status()).as(path).isEqualTo(403);
            assertThat(HttpApi.as(port, "viewer-all").get(path).status()).as(path).isEqualTo(200);
            assertThat(HttpApi.anonymous(port).get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(TestUsers.UNIT_A).isNotEqualTo(unit);
    }

    private JsonNode ok(String path) {
        HttpApi.Answer answer = api.get(path);
        assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private void assertProblem(String path, int status, String code, String field) {
        HttpApi.Answer answer = api.get(path);
        assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(path).isEqualTo(code);
        assertThat(answer.body().toString()).as(path).doesNotContain("Exception");
        if (field != null) {
            assertThat(answer.body().path("errors").findValuesAsText("field")).as(path).contains(field);
        }
    }
}
