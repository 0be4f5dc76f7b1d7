package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PAY.procurement} and {@code PAY.activity} (SPEC §15): carried by the payment's event as sent; each field
 * checked, a fault answered 400 VALIDATION_FAILED naming it, and nothing stored.
 */
class PaymentDisclosureTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpApi api;
    private String unit;

    @BeforeEach
    void line() {
        api = api();
        unit = newUnit("D");
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET", "100000.00"))
                .status()).isEqualTo(201);
    }

    @Test
    void a_procurement_and_an_activity_are_stored_with_the_payment_and_are_part_of_its_idempotency() throws IOException {
        Map<String, Object> reception = pay("p1", "30215", "3250.00");
        reception.put("procurement", Map.of("category", "SERVICES", "award", "SMALL_MICRO"));
        reception.put("activity", Map.of("count", 2, "persons", 15));

        assertThat(api.post("/api/v1/transactions", reception).status()).isEqualTo(201);

        JsonNode stored = JSON.readTree(payload("p1"));
        assertThat(stored.path("procurement").toString()).isEqualTo("{\"category\":\"SERVICES\",\"award\":\"SMALL_MICRO\"}");
        assertThat(stored.path("activity").toString()).isEqualTo("{\"count\":2,\"persons\":15}");
        assertThat(api.post("/api/v1/transactions", reception).status()).isEqualTo(200);
        Map<String, Object> otherCount = pay("p1", "30215", "3250.00");
        otherCount.put("procurement", Map.of("category", "SERVICES", "award", "SMALL_MICRO"));
        otherCount.put("activity", Map.of("count", 3, "persons", 15));
        assertThat(api.post("/api/v1/transactions", otherCount).code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        // the stored request agrees with its event: verification finds no tampering
        JsonNode verification = api.postRaw("/api/v1/audit/verify", "").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void a_payment_without_them_is_stored_as_before() throws IOException {
        assertThat(api.post("/api/v1/transactions", pay("p2", "30201", "1.00")).status()).isEqualTo(201);

        JsonNode stored = JSON.readTree(payload("p2"));
        assertThat(stored.has("procurement")).isFalse();
        assertThat(stored.has("activity")).isFalse();
    }

    @Test
    void each_malformed_field_is_named_and_nothing_is_stored() {
        List<String> answers = new ArrayList<>();
        List<Map<String, Object>> refused = List.of(
                with(pay("x1", "30201", "1.00"), "procurement", Map.of("category", "FOOD", "award", "NONE")),
                with(pay("x2", "30201", "1.00"), "procurement", Map.of("category", "GOODS")),
                with(pay("x3", "30217", "1.00"), "activity", Map.of("count", -1, "persons", 3)),
                with(pay("x4", "30217", "1.00"), "activity", Map.of("count", 1)),
                with(pay("x5", "30201", "1.00"), "activity", Map.of("count", 1, "persons", 0)),
                with(pay("x6", "30217", "1.00"), "activity", Map.of("count", 1.5, "persons", 0)),
                with(pay("x7", "30217", "1.00"), "activity", Map.of("count", 1, "persons", 0, "days", 2)),
                with(pay("x8", "30201", "1.00"), "procurement", "GOODS"));
        for (Map<String, Object> body : refused) {
            Answer answer = api.post("/api/v1/transactions", body);
            answers.add(body.get("id") + " " + answer.status() + " " + answer.code() + " "
                    + answer.body().path("errors").findValuesAsText("field"));
        }

        assertThat(answers).containsExactly(
                "x1 400 VALIDATION_FAILED [procurement.category]",
                "x2 400 VALIDATION_FAILED [procurement.award]",
                "x3 400 VALIDATION_FAILED [activity.count]",
                "x4 400 VALIDATION_FAILED [activity.persons]",
                "x5 400 VALIDATION_FAILED [activity]",
                "x6 400 VALIDATION_FAILED [activity.count]",
                "x7 400 VALIDATION_FAILED [activity.days]",
                "x8 400 VALIDATION_FAILED [procurement]");
        for (String id : List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8")) {
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = ? AND id = ?")
                    .params(unit, id).query(Long.class).single()).as(id).isZero();
        }
    }

    @Test
    void a_procurement_is_no_internal_flow() {
        String other = newUnit("D");
        Map<String, Object> line = Tx.appropriate("s1", unit, 2023, "OTHER", "100.00");
        line.put("kind", "SUBSIDY_AFFILIATE");
        assertThat(api.post("/api/v1/transactions", line).status()).isEqualTo(201);
        Map<String, Object> subsidy = Tx.pay("x9", unit, 2023, "s1", "39999", "1.00");
        subsidy.put("counterparty", other);
        subsidy.put("procurement", Map.of("category", "GOODS", "award", "NONE"));

        Answer answer = api.post("/api/v1/transactions", subsidy);

        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("procurement");
    }

    private Map<String, Object> pay(String id, String economic, String amount) {
        return Tx.pay(id, unit, 2023, "a1", economic, amount);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private String payload(String transactionId) {
        byte[] payload = jdbc.sql("SELECT payload FROM ledger.domain_event_entry WHERE unit = ? AND transaction_id = ?")
                .params(unit, transactionId).query(byte[].class).single();
        return new String(payload, StandardCharsets.UTF_8);
    }
}
