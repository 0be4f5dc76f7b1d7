package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §4 v2: a transaction id is unique within its unit, and the idempotency key is (unit, id), so one unit's
 * ids are neither visible to nor blockable by another's. The clerk sees UA2 (and UA), never the other unit.
 */
class UnitScopedIdsTest extends LedgerIntegrationTest {

    private HttpApi admin;
    private HttpApi clerk;
    private String other;
    private String id;

    @BeforeEach
    void units() {
        admin = api();
        clerk = HttpApi.as(port, "clerk-a");
        int status = admin.post("/api/v1/units", Map.of("code", TestUsers.UNIT_A2, "name", "测试单位")).status();
        assertThat(status).isIn(201, 409);
        other = newUnit("SB");
        id = "SBX-P1-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void another_units_id_is_neither_visible_to_a_clerk_nor_blocks_him() {
        assertThat(admin.post("/api/v1/transactions", appropriate(id, other, "500.00")).status()).isEqualTo(201);

        Answer own = clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00"));

        assertThat(own.status()).as("%s", own.body()).isEqualTo(201);
        assertThat(own.body().path("lineId").asText()).isEqualTo(id);
        assertThat(clerk.get("/api/v1/transactions/" + id).body().path("unit").asText()).isEqualTo(TestUsers.UNIT_A2);
        assertThat(clerk.get("/api/v1/transactions/" + id + "?unit=" + TestUsers.UNIT_A2).status()).isEqualTo(200);
        assertThat(clerk.get("/api/v1/transactions/" + id + "?unit=" + other).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/transactions/" + id + "?unit=" + other).body().path("request").path("amount").asText())
                .isEqualTo("500.00");
        assertThat(admin.get("/api/v1/transactions/" + id + "?unit=" + TestUsers.UNIT_A2).body().path("request").path("amount")
                .asText()).isEqualTo("100.00");
        // each unit's transaction answers with its own events only
        assertThat(admin.get("/api/v1/transactions/" + id + "?unit=" + other).body().path("result").path("sequence"))
                .hasSize(1);
        assertThat(own.body().path("sequence")).hasSize(1);
    }

    @Test
    void an_id_that_two_units_the_caller_sees_have_needs_the_unit() {
        admin.post("/api/v1/transactions", appropriate(id, other, "500.00"));
        admin.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00"));

        Answer ambiguous = admin.get("/api/v1/transactions/" + id);

        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(ambiguous.body().path("errors").findValuesAsText("field")).containsExactly("unit");
        Answer ambiguousLine = admin.get("/api/v1/budget-lines/" + id);
        assertThat(ambiguousLine.status()).isEqualTo(400);
        assertThat(ambiguousLine.body().path("errors").findValuesAsText("field")).containsExactly("unit");
        assertThat(admin.get("/api/v1/transactions/" + id + "?unit=NOPE" + other).status()).isEqualTo(404);
    }

    @Test
    void the_same_id_in_the_same_unit_is_still_a_repeat_or_a_conflict() {
        admin.post("/api/v1/transactions", appropriate(id, other, "500.00"));
        clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00"));

        assertThat(clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00")).status()).isEqualTo(200);
        Answer conflict = clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.01"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(admin.post("/api/v1/transactions", appropriate(id, other, "500.00")).status()).isEqualTo(200);
    }

    @Test
    void a_clerk_cannot_take_another_units_future_ids() {
        assertThat(clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00")).status()).isEqualTo(201);

        assertThat(admin.post("/api/v1/transactions", appropriate(id, other, "500.00")).status()).isEqualTo(201);
    }

    @Test
    void budget_lines_of_the_same_id_in_two_units_are_paid_from_separately() {
        admin.post("/api/v1/transactions", appropriate(id, other, "500.00"));
        clerk.post("/api/v1/transactions", appropriate(id, TestUsers.UNIT_A2, "100.00"));

        Answer paid = clerk.post("/api/v1/transactions", Tx.pay(id + "-p", TestUsers.UNIT_A2, 2023, id, "30201", "40.00"));

        assertThat(paid.status()).as("%s", paid.body()).isEqualTo(201);
        Answer clerksLine = clerk.get("/api/v1/budget-lines/" + id);
        assertThat(clerksLine.body().path("unit").asText()).isEqualTo(TestUsers.UNIT_A2);
        assertThat(clerksLine.body().path("available").asText()).isEqualTo("60.00");
        Answer othersLine = admin.get("/api/v1/budget-lines/" + id + "?unit=" + other);
        assertThat(othersLine.body().path("available").asText()).isEqualTo("500.00");
        assertThat(clerk.get("/api/v1/budget-lines/" + id + "?unit=" + other).status()).isEqualTo(404);
    }

    @Test
    void a_batch_decides_the_same_id_of_two_units_as_two_transactions() {
        Map<String, Object> batch = Map.of("transactions", List.of(appropriate(id, other, "500.00"),
                appropriate(id, TestUsers.UNIT_A2, "100.00")));

        Answer first = admin.post("/api/v1/transactions:batch", batch);
        Answer again = admin.post("/api/v1/transactions:batch", batch);

        assertThat(first.body().path("results")).extracting(result -> result.path("status").asInt()).containsExactly(201, 201);
        assertThat(again.body().path("results")).extracting(result -> result.path("status").asInt()).containsExactly(200, 200);
        assertThat(again.body().path("results").get(0).path("result").path("sequence"))
                .isEqualTo(first.body().path("results").get(0).path("result").path("sequence"));
    }

    private static Map<String, Object> appropriate(String id, String unit, String amount) {
        return Tx.appropriate(id, unit, 2023, "GENERAL_BUDGET", amount);
    }
}
