package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text a client sends, taken as it is: ids and line references are refused rather than trimmed or mangled
 * (lone UTF-16 surrogates, control and bidirectional-formatting characters, surrounding or only spaces), a
 * string field takes only a JSON string, and what is wrong with a body is said in the client's terms.
 */
class TransactionTextTest extends LedgerIntegrationTest {

    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("T");
    }

    @Test
    void ids_with_lone_surrogates_are_refused_and_never_stand_for_another_id() {
        for (String id : List.of("\\ud800", "\\udbff", "\\udfff", "a\\ud800b", "\\udfff\\ud800")) {
            Answer refused = api.postRaw("/api/v1/transactions", appropriation("\"" + id + "\"", ""));
            assertThat(refused.status()).as(id).isEqualTo(400);
            assertThat(refused.code()).as(id).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(id).containsExactly("id");
        }
        // "?" is what a lone surrogate became on its way into the database: it is an id of its own
        Answer question = api.postRaw("/api/v1/transactions", appropriation("\"?\"", ""));
        assertThat(question.status()).isEqualTo(201);
        assertThat(question.body().path("id").asText()).isEqualTo("?");
    }

    @Test
    void a_lone_surrogate_in_any_text_field_is_refused_naming_the_field() {
        for (String field : List.of("memo", "voucher", "project")) {
            String body = appropriation("\"s-" + field + "\"", ",\"" + field + "\":\"x\\udfff\"")
                    .replace("\"kind\":\"BASIC\"", "\"kind\":\"PROJECT\"" + (field.equals("project") ? "" : ",\"project\":\"p\""));
            Answer refused = api.postRaw("/api/v1/transactions", body);
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.code()).as(field).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(field).containsExactly(field);
        }
        assertThat(storedTransactions()).isZero();
    }

    @Test
    void ids_are_not_trimmed_and_hold_no_control_or_bidirectional_formatting_characters() {
        for (String id : List.of("HX ", " HX", " ", "", "\\u3000", "a\\tb", "a\\u0085b", "a\\u007fb", "\\u202eabc",
                "abc\\u202a", "\\u2066x\\u2069", "x\\u200f")) {
            Answer refused = api.postRaw("/api/v1/transactions", appropriation("\"" + id + "\"", ""));
            assertThat(refused.status()).as(id).isEqualTo(400);
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(id).containsExactly("id");
        }
        assertThat(storedTransactions()).isZero();
        assertThat(api.postRaw("/api/v1/transactions", appropriation("\"a b·预算-1\"", "")).status()).isEqualTo(201);
    }

    @Test
    void an_id_may_not_take_the_form_of_a_carried_in_lines_id() {
        // a carry-over names the line it brings into 2024 "a1>2024": an appropriation of that id would collide with it
        Answer refused = api.postRaw("/api/v1/transactions", appropriation("\"a1>2024\"", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("id");
        assertThat(storedTransactions()).isZero();
    }

    @Test
    void references_to_lines_and_payments_follow_the_rules_of_ids() {
        assertThat(api.postRaw("/api/v1/transactions", appropriation("\"line-1\"", "")).status()).isEqualTo(201);
        String payment = "{\"id\":\"p-1\",\"type\":\"PAY\",\"unit\":\"" + unit + "\",\"year\":2023,\"date\":\"2023-02-01\","
                + "\"line\":\"line-1 \",\"economic\":\"30201\",\"amount\":\"1.00\"}";
        Answer refused = api.postRaw("/api/v1/transactions", payment);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("line");
        String refund = "{\"id\":\"r-1\",\"type\":\"REFUND\",\"unit\":\"" + unit + "\",\"year\":2023,\"date\":\"2023-02-01\","
                + "\"payment\":\"\\u202ep-1\",\"amount\":\"1.00\"}";
        assertThat(api.postRaw("/api/v1/transactions", refund).body().path("errors").findValuesAsText("field"))
                .containsExactly("payment");
    }

    @Test
    void booleans_and_numbers_are_not_taken_for_strings_but_amounts_may_be_numbers() {
        for (String[] wrong : new String[][]{{"id", "true"}, {"id", "12"}, {"id", "1.5"}, {"type", "false"},
                {"memo", "7"}, {"date", "20230110"}, {"fund", "1"}}) {
            Map<String, String> fields = appropriationFields("\"b-1\"");
            fields.put(wrong[0], wrong[1]);
            Answer refused = api.postRaw("/api/v1/transactions", json(fields));
            String what = wrong[0] + "=" + wrong[1];
            assertThat(refused.status()).as(what).isEqualTo(400);
            assertThat(refused.code()).as(what).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(what).containsExactly(wrong[0]);
            assertThat(refused.body().path("detail").asText()).as(what).contains(wrong[0], "must be a string");
        }
        Map<String, String> numberAmount = appropriationFields("\"n-1\"");
        numberAmount.put("amount", "12.5");
        assertThat(api.postRaw("/api/v1/transactions", json(numberAmount)).status()).isEqualTo(201);
        Map<String, String> fractionalYear = appropriationFields("\"y-1\"");
        fractionalYear.put("year", "2023.5");
        Answer refused = api.postRaw("/api/v1/transactions", json(fractionalYear));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("year");
        assertThat(storedTransactions()).isEqualTo(1);
    }

    @Test
    void what_is_wrong_with_a_body_is_said_in_the_clients_terms() {
        List<String> malformed = List.of("{'id':1}", "{\"id\":\"a\",}", "{\"id\":NaN}", "{\"year\":02023}",
                "{\"id\":\"a\" \"type\":\"PAY\"}", "{\"id\":\"a", "{\"id\":\"a\\q\"}", "{/*c*/\"id\":\"a\"}",
                "{\"id\":\"a\"}x", "[1]", "\"text\"");
        for (String body : malformed) {
            Answer refused = api.postRaw("/api/v1/transactions", body);
            String detail = refused.body().path("detail").asText();
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(detail).as(body).doesNotContainIgnoringCase("jackson").doesNotContain("JsonReadFeature",
                    "JsonParser", "Feature", "enable", "com.fasterxml", "code 39", "TransactionRequest", "org.budgetledger",
                    "java.lang", "Cannot construct", "Cannot deserialize", "`");
        }
        assertThat(api.postRaw("/api/v1/transactions", "{'id':1}").body().path("detail").asText())
                .contains("not valid JSON", "line 1, column 2");
        assertThat(api.postRaw("/api/v1/transactions", "{\"id\":\"a\",\n \"x\":}").body().path("detail").asText())
                .contains("line 2, column");
        assertThat(api.postRaw("/api/v1/transactions", "[1]").body().path("detail").asText()).contains("JSON object");
    }

    @Test
    void a_null_item_of_a_batch_is_refused_on_its_own() {
        Answer answer = api.postRaw("/api/v1/transactions:batch", "{\"transactions\":[null," + appropriation("\"bn-1\"", "") + "]}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("results").get(0).path("status").asInt()).isEqualTo(400);
        assertThat(answer.body().path("results").get(0).path("problem").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.body().path("results").get(1).path("status").asInt()).isEqualTo(201);
    }

    /** An appropriation of this test's unit with the given id (raw JSON) and more fields (",\"memo\":…"). */
    private String appropriation(String idJson, String moreFields) {
        String body = json(appropriationFields(idJson));
        return body.substring(0, body.length() - 1) + moreFields + "}";
    }

    /** The fields of an appropriation as raw JSON values, in order. */
    private Map<String, String> appropriationFields(String idJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", idJson);
        fields.put("type", "\"APPROPRIATE\"");
        fields.put("unit", "\"" + unit + "\"");
        fields.put("year", "2023");
        fields.put("date", "\"2023-01-10\"");
        fields.put("fund", "\"GENERAL_BUDGET\"");
        fields.put("subject", "\"2140199\"");
        fields.put("kind", "\"BASIC\"");
        fields.put("amount", "\"1.00\"");
        return fields;
    }

    private static String json(Map<String, String> rawFields) {
        return rawFields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private long storedTransactions() {
        return jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = ?").param(unit)
                .query(Long.class).single();
    }
}
