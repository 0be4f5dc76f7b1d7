package org.budgetledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.Concurrently;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The transaction types, the catalog and the ledger's read endpoints, over HTTP on real PostgreSQL. */
class TransactionTypesTest extends LedgerIntegrationTest {


    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("U");
    }

    private Answer post(Map<String, Object> body) {
        return api.post("/api/v1/transactions", body);
    }

    @Test
    void budget_lines_show_budget_paid_and_available_after_every_kind_of_change() {
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        post(Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "10.00"));
        assertThat(post(Tx.of("ADJUST", "j1" + unit, unit, 2023, "2023-07-01", "line", "a1" + unit,
                "amount", "-100.00", "reason", "调减")).status()).isEqualTo(201);
        assertThat(post(Tx.of("TRANSFER", "t1" + unit, unit, 2023, "2023-07-02", "from", "a1" + unit,
                "to", "a2" + unit, "amount", "50.00", "reason", "调剂")).status()).isEqualTo(201);
        post(Tx.pay("p1" + unit, unit, 2023, "a1" + unit, "30201", "300.00"));
        assertThat(post(Tx.of("REFUND", "r1" + unit, unit, 2023, "2023-08-01", "payment", "p1" + unit,
                "amount", "20.00")).status()).isEqualTo(201);

        JsonNode line = api.get("/api/v1/budget-lines/a1" + unit).body();
        assertThat(line.path("initial").asText()).isEqualTo("1000.00");
        assertThat(line.path("adjustments").asText()).isEqualTo("-150.00");
        assertThat(line.path("budget").asText()).isEqualTo("850.00");
        assertThat(line.path("paid").asText()).isEqualTo("280.00");
        assertThat(line.path("available").asText()).isEqualTo("570.00");
        assertThat(line.path("origin").asText()).isEqualTo("APPROPRIATION");
        JsonNode lines = api.get("/api/v1/budget-lines?unit=" + unit + "&year=2023").body();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).path("budget").asText()).isEqualTo("60.00");
        assertThat(api.get("/api/v1/budget-lines/nope").status()).isEqualTo(404);
    }

    @Test
    void a_stored_transaction_can_be_read_back_with_its_result() {
        Answer posted = post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "12.5"));

        Answer read = api.get("/api/v1/transactions/a1" + unit);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("request").path("amount").asText()).isEqualTo("12.50");
        assertThat(read.body().path("result")).isEqualTo(posted.body());
        assertThat(read.body().path("principal").asText()).isNotBlank();
        assertThat(api.get("/api/v1/transactions/missing" + unit).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void carry_over_closes_the_year_and_opens_its_balances_in_the_next() {
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        post(Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "5.00"));
        post(Tx.pay("p1" + unit, unit, 2023, "a1" + unit, "30201", "300.00"));
        post(Tx.pay("p2" + unit, unit, 2023, "a2" + unit, "30201", "5.00"));
        post(Tx.of("RECEIVE", "i1" + unit, unit, 2023, "2023-03-01", "fund", "OTHER", "subject", "2140199", "amount", "0.07"));

        Answer carried = post(Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, null));

        assertThat(carried.status()).isEqualTo(201);
        assertThat(carried.body().path("sequence")).hasSize(2);
        assertThat(post(Tx.pay("p3" + unit, unit, 2023, "a1" + unit, "30201", "1.00")).code()).isEqualTo("YEAR_CLOSED");
        JsonNode next = api.get("/api/v1/budget-lines?unit=" + unit + "&year=2024").body();
        assertThat(next).hasSize(1);
        assertThat(next.get(0).path("id").asText()).isEqualTo("a1" + unit + ">2024");
        assertThat(next.get(0).path("origin").asText()).isEqualTo("CARRY_OVER");
        assertThat(next.get(0).path("initial").asText()).isEqualTo("700.00");
        assertThat(post(Tx.of("PAY", "p4" + unit, unit, 2024, "2024-01-01", "line", "a1" + unit + ">2024",
                "economic", "30201", "amount", "700.00")).status()).isEqualTo(201);
        assertThat(post(Tx.of("OPENING_BALANCE", "o1" + unit, unit, 2024, "2024-01-01", "fund", "OTHER",
                "subject", "2140199", "amount", "1.00")).code()).isEqualTo("OPENING_CONFLICT");
        assertThat(post(Tx.of("CARRY_OVER", "c2" + unit, unit, 2023, null)).code()).isEqualTo("YEAR_CLOSED");
        assertThat(post(Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, null)).status()).isEqualTo(200);
    }

    @Test
    void a_year_with_opening_balances_refuses_a_carry_over_and_the_old_year_stays_open() {
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "10.00"));
        assertThat(post(Tx.of("OPENING_BALANCE", "o1" + unit, unit, 2024, "2024-01-01", "fund", "GENERAL_BUDGET",
                "subject", "2140199", "kind", "BASIC", "amount", "1.00")).body().path("lineId").asText())
                .isEqualTo("o1" + unit);

        assertThat(post(Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, null)).code()).isEqualTo("OPENING_CONFLICT");
        assertThat(post(Tx.pay("p1" + unit, unit, 2023, "a1" + unit, "30201", "1.00")).status()).isEqualTo(201);
    }

    @Test
    void non_fiscal_flows_and_limits_are_posted_with_their_rules() {
        assertThat(post(Tx.of("RECEIVE", "i1" + unit, unit, 2023, "2023-03-01", "fund", "GENERAL_BUDGET",
                "subject", "2140199", "amount", "1.00")).code()).isEqualTo("INVALID_FUND");
        assertThat(post(Tx.of("RECEIVE", "i2" + unit, unit, 2023, "2023-03-01", "fund", "BUSINESS",
                "subject", "2140199", "amount", "100.00")).status()).isEqualTo(201);
        assertThat(post(Tx.of("USE_RESERVE", "u1" + unit, unit, 2023, "2023-03-01", "fund", "BUSINESS",
                "subject", "2140199", "amount", "10.00")).status()).isEqualTo(201);
        assertThat(post(Tx.of("DISTRIBUTE_SURPLUS", "d1" + unit, unit, 2023, "2023-12-01", "fund", "BUSINESS",
                "subject", "2140199", "amount", "110.01")).code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(post(Tx.of("DISTRIBUTE_SURPLUS", "d2" + unit, unit, 2023, "2023-12-01", "fund", "BUSINESS",
                "subject", "2140199", "amount", "110.00")).status()).isEqualTo(201);
        assertThat(post(Tx.of("SET_LIMIT", "l1" + unit, unit, 2023, "2023-01-01", "category", "RECEPTION",
                "amount", "0")).status()).isEqualTo(201);
        assertThat(post(Tx.of("SET_LIMIT", "l2" + unit, unit, 2023, "2023-01-01", "category", "PARTY",
                "amount", "1.00")).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void the_catalog_decides_which_codes_can_be_posted() {
        JsonNode subjects = api.get("/api/v1/catalog/subjects").body();
        assertThat(subjects.findValuesAsText("code")).contains("201", "214", "234", "21401", "2140199", "2210201");
        assertThat(api.get("/api/v1/catalog/economic").body().findValuesAsText("code")).contains("302", "30217", "30913", "31013");

        Map<String, Object> unknownSubject = Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1.00");
        unknownSubject.put("subject", "2140188");
        assertThat(post(unknownSubject).code()).isEqualTo("UNKNOWN_SUBJECT");
        post(Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "1.00"));
        assertThat(post(Tx.pay("p1" + unit, unit, 2023, "a2" + unit, "30298", "1.00")).code()).isEqualTo("UNKNOWN_ECONOMIC");

        String code = unusedSubject();
        assertThat(api.post("/api/v1/catalog/subjects", Map.of("code", code, "name", "测试项")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/catalog/subjects", Map.of("code", code, "name", "测试项")).code()).isEqualTo("DUPLICATE_CODE");
        assertThat(api.post("/api/v1/catalog/subjects", Map.of("code", "2159901", "name", "无款之项")).code())
                .isEqualTo("VALIDATION_FAILED");
        unknownSubject.put("subject", code);
        assertThat(post(unknownSubject).status()).isEqualTo(201);
    }

    @Test
    void a_batch_answers_every_item_in_order_as_a_single_post_would() {
        String ok = "{\"id\":\"a1" + unit + "\",\"type\":\"APPROPRIATE\",\"unit\":\"" + unit + "\",\"year\":2023,"
                + "\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":100.5}";
        String exponent = ok.replace("a1" + unit, "a2" + unit).replace("100.5", "1e3");
        String unknownField = ok.replace("a1" + unit, "a3" + unit).replace("\"kind\"", "\"colour\":1,\"kind\"");
        String body = "{\"transactions\":[" + ok + "," + exponent + "," + unknownField + "," + ok + "]}";

        Answer answer = api.postRaw("/api/v1/transactions:batch", body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).path("result").path("lineId").asText()).isEqualTo("a1" + unit);
        assertThat(results.get(1).path("problem").path("code").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(results.get(2).path("status").asInt()).isEqualTo(400);
        assertThat(results.get(2).path("problem").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(3).path("status").asInt()).isEqualTo(200);
        assertThat(api.postRaw("/api/v1/transactions:batch", "{\"transactions\":{}}").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void a_large_batch_decides_every_item_as_if_posted_alone_in_order() {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        items.add(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 1200; n++) {
            items.add(Tx.pay("p" + n + unit, unit, 2023, "a1" + unit, "30201", "1.00"));
        }
        items.set(601, Tx.pay("p599" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));   // a repeat: 200
        items.set(701, Tx.pay("p699" + unit, unit, 2023, "a1" + unit, "30201", "2.00"));   // a conflict: 409
        Map<String, Object> batch = Map.of("transactions", items);

        Answer answer = api.post("/api/v1/transactions:batch", batch);

        JsonNode results = answer.body().path("results");
        assertThat(results).hasSize(1201);
        List<Integer> statuses = new java.util.ArrayList<>();
        results.forEach(result -> statuses.add(result.path("status").asInt()));
        // 1000.00 pays the first 1000 new payments of 1.00; the repeat and the conflict are no payments
        assertThat(statuses.subList(0, 601)).containsOnly(201);
        assertThat(statuses.get(601)).isEqualTo(200);
        assertThat(results.get(601).path("result").path("sequence")).isEqualTo(results.get(600).path("result").path("sequence"));
        assertThat(statuses.get(701)).isEqualTo(409);
        assertThat(results.get(701).path("problem").path("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(statuses.subList(602, 701)).containsOnly(201);
        assertThat(statuses.subList(702, 1003)).containsOnly(201);
        assertThat(statuses.subList(1003, 1201)).containsOnly(409);
        assertThat(results.get(1003).path("problem").path("code").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(results.get(1).path("result").path("sequence").get(0).asLong())
                .isEqualTo(results.get(0).path("result").path("sequence").get(0).asLong() + 1);
        JsonNode line = api.get("/api/v1/budget-lines/a1" + unit).body();
        assertThat(line.path("paid").asText()).isEqualTo("1000.00");
        assertThat(line.path("available").asText()).isEqualTo("0.00");
    }

    @Test
    void concurrent_three_public_payments_on_different_lines_never_exceed_the_limit() throws Exception {
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        post(Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        post(Tx.of("SET_LIMIT", "l1" + unit, unit, 2023, "2023-01-01", "category", "VEHICLE_OPERATION", "amount", "100.00"));

        List<Answer> answers = Concurrently.run(20, n ->
                post(Tx.pay("p" + n + unit, unit, 2023, (n % 2 == 0 ? "a1" : "a2") + unit, "30231", "10.00")));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .extracting(Answer::code).containsOnly("THREE_PUBLIC_LIMIT_EXCEEDED");
    }

    @Test
    void a_carry_over_racing_payments_carries_exactly_what_was_not_paid() throws Exception {
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));

        List<Answer> answers = Concurrently.run(21, n -> n == 10
                ? post(Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, null))
                : post(Tx.pay("p" + n + unit, unit, 2023, "a1" + unit, "30201", "10.00")));

        long paid = answers.stream().filter(answer -> answer.status() == 201
                && answer.body().path("type").asText().equals("PAY")).count();
        // how many payments beat the closing depends on the race; each one that lost is YEAR_CLOSED
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .allSatisfy(answer -> assertThat(answer.code()).isEqualTo("YEAR_CLOSED"));
        JsonNode carried = api.get("/api/v1/budget-lines/a1" + unit + ">2024").body();
        assertThat(carried.path("initial").asText()).isEqualTo((1000 - 10 * paid) + ".00");
        assertThat(api.get("/api/v1/budget-lines/a1" + unit).body().path("paid").asText()).isEqualTo((10 * paid) + ".00");
    }
}
