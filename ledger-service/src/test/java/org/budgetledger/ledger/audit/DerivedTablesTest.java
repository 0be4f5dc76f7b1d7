package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables the ledger answers from beside its events ({@code posted_transaction} for
 * {@code GET /api/v1/transactions/{id}}, {@code budget_line} for {@code GET /api/v1/budget-lines}) are checked
 * by verification against the events: a row changed in the database is named, with its table.
 */
class DerivedTablesTest extends TamperingLedgerTest {

    private HttpApi api;
    private String unit;
    private StoreSnapshot snapshot;

    @BeforeEach
    void postAHistoryAndKeepACopy() {
        api = api();
        unit = newUnit("D");
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"))
                .status()).isEqualTo(201);
        snapshot = StoreSnapshot.take(superuser, sequenceOf("a1" + unit), unit);
        assertThat(api.post("/api/v1/transactions", Tx.pay("p1" + unit, unit, 2023, "a1" + unit, "30201", "10.00")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Tx.pay("p2" + unit, unit, 2023, "a1" + unit, "30201", "20.00")).status())
                .isEqualTo(201);
        assertThat(verify().path("ok").asBoolean()).as(verify().toString()).isTrue();
    }

    @AfterEach
    void restore() {
        snapshot.restore();
        assertThat(verify().path("ok").asBoolean()).as(verify().toString()).isTrue();
    }

    @Test
    void a_principal_changed_in_a_stored_transaction_is_named_with_its_table_and_row() {
        superuser.sql("UPDATE ledger.posted_transaction SET principal = 'mallory' WHERE id = ?").param("p1" + unit).update();
        assertThat(api.get("/api/v1/transactions/p1" + unit).body().path("principal").asText()).isEqualTo("mallory");

        JsonNode offending = offending(verify(), "posted_transaction", "p1" + unit);

        assertThat(offending.path("sequence").asLong()).isEqualTo(sequenceOf("p1" + unit));
        assertThat(offending.path("problem").asText()).contains("principal");
    }

    @Test
    void an_amount_changed_in_a_stored_request_is_named_with_its_table_and_row() {
        superuser.sql("UPDATE ledger.posted_transaction SET request = jsonb_set(request, '{amount}', '\"99999.00\"') WHERE id = ?")
                .param("p2" + unit).update();
        assertThat(api.get("/api/v1/transactions/p2" + unit).body().path("request").path("amount").asText()).isEqualTo("99999.00");

        JsonNode offending = offending(verify(), "posted_transaction", "p2" + unit);

        assertThat(offending.path("sequence").asLong()).isEqualTo(sequenceOf("p2" + unit));
        assertThat(offending.path("problem").asText()).contains("amount");
    }

    @Test
    void a_field_added_to_a_stored_request_is_named() {
        superuser.sql("UPDATE ledger.posted_transaction SET request = jsonb_set(request, '{payee}', '\"mallory\"') WHERE id = ?")
                .param("p1" + unit).update();

        assertThat(offending(verify(), "posted_transaction", "p1" + unit).path("problem").asText()).contains("payee");
    }

    @Test
    void a_stored_transaction_without_events_is_named() {
        superuser.sql("""
                        INSERT INTO ledger.posted_transaction (id, type, unit, year, fingerprint, request, line_id, principal)
                        SELECT 'p9' || unit, type, unit, year, fingerprint, jsonb_set(request, '{id}', to_jsonb('p9' || unit)),
                               line_id, principal
                        FROM ledger.posted_transaction WHERE id = ?""")
                .param("p1" + unit).update();
        assertThat(api.get("/api/v1/transactions/p9" + unit).status()).isEqualTo(200);

        JsonNode offending = offending(verify(), "posted_transaction", "p9" + unit);

        assertThat(offending.path("problem").asText()).contains("no event");
    }

    @Test
    void a_budget_line_changed_in_its_table_is_named_with_its_table_and_row() {
        superuser.sql("UPDATE ledger.budget_line SET paid_fen = paid_fen + 5000000 WHERE id = ?").param("a1" + unit).update();
        assertThat(api.get("/api/v1/budget-lines/a1" + unit).body().path("available").asText()).isEqualTo("-49030.00");

        JsonNode offending = offending(verify(), "budget_line", "a1" + unit);

        assertThat(offending.path("sequence").asLong()).isEqualTo(sequenceOf("p2" + unit));
        assertThat(offending.path("problem").asText()).contains("paid");
    }

    @Test
    void a_budget_line_no_event_opened_is_named() {
        superuser.sql("INSERT INTO ledger.budget_line SELECT 'x' || id, unit, year, fund, subject, kind, project, economic, origin, "
                + "created_on, initial_fen, adjustments_fen, paid_fen FROM ledger.budget_line WHERE id = ?").param("a1" + unit).update();

        assertThat(offending(verify(), "budget_line", "xa1" + unit).path("problem").asText()).contains("no event");
    }

    @Test
    void a_budget_line_removed_from_its_table_is_named() {
        superuser.sql("DELETE FROM ledger.budget_line WHERE id = ?").param("a1" + unit).update();

        assertThat(offending(verify(), "budget_line", "a1" + unit).path("problem").asText()).contains("missing");
    }

    @Test
    void every_kind_of_transaction_agrees_with_its_tables() {
        post(Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "12.5"));
        Map<String, Object> project = Tx.of("APPROPRIATE", "a3" + unit, unit, 2023, "2023-01-11", "fund", "GOV_FUND",
                "subject", "2140199", "kind", "PROJECT", "project", "路网", "economic", "302", "amount", 300,
                "memo", "备注", "voucher", "V-1");
        post(project);
        post(Tx.of("ADJUST", "j1" + unit, unit, 2023, "2023-07-01", "line", "a1" + unit, "amount", "-100.00", "reason", "调减"));
        post(Tx.of("TRANSFER", "t1" + unit, unit, 2023, "2023-07-02", "from", "a1" + unit, "to", "a2" + unit,
                "amount", "50.00", "reason", "调剂"));
        post(Tx.of("PAY", "p3" + unit, unit, 2023, "2023-07-03", "line", "a3" + unit, "economic", "30201",
                "amount", "1.00", "payee", "某公司", "method", "DIRECT", "memo", ""));
        post(Tx.of("REFUND", "r1" + unit, unit, 2023, "2023-08-01", "payment", "p1" + unit, "amount", "2.00"));
        post(Tx.of("RECEIVE", "i1" + unit, unit, 2023, "2023-03-01", "fund", "BUSINESS", "subject", "2140199", "amount", "100.00"));
        post(Tx.of("USE_RESERVE", "u1" + unit, unit, 2023, "2023-03-01", "fund", "BUSINESS", "subject", "2140199", "amount", "10.00"));
        post(Tx.of("DISTRIBUTE_SURPLUS", "d1" + unit, unit, 2023, "2023-12-01", "fund", "BUSINESS", "subject", "2140199",
                "amount", "1.00"));
        post(Tx.of("SET_LIMIT", "l1" + unit, unit, 2023, "2023-01-01", "category", "RECEPTION", "amount", "0"));
        post(Tx.of("OPENING_BALANCE", "o1" + unit, unit, 2022, "2022-01-01", "fund", "OTHER", "subject", "2140199",
                "amount", "1.00"));
        post(Tx.of("OPENING_BALANCE", "o2" + unit, unit, 2022, "2022-01-01", "fund", "GENERAL_BUDGET", "subject", "2140199",
                "kind", "BASIC", "amount", "5.00"));
        post(Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, "2023-05-05"));

        JsonNode result = verify();

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }

    private void post(Map<String, Object> body) {
        Answer answer = api.post("/api/v1/transactions", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    }

    private long sequenceOf(String transactionId) {
        return superuser.sql("SELECT min(globalIndex) FROM ledger.domain_event_entry WHERE transaction_id = ?")
                .param(transactionId).query(Long.class).single();
    }

    private JsonNode verify() {
        Answer answer = api.postRaw("/api/v1/audit/verify", "");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** The row is named by its unit and id: ids are unique per unit only. */
    private JsonNode offending(JsonNode result, String table, String id) {
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        JsonNode offending = result.path("firstOffending");
        assertThat(offending.path("table").asText()).as(result.toString()).isEqualTo(table);
        assertThat(offending.path("row").asText()).as(result.toString()).isEqualTo(unit + "/" + id);
        return offending;
    }
}
