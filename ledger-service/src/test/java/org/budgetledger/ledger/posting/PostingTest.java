package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.Concurrently;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostingTest extends LedgerIntegrationTest {


    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("U");
    }

    @Test
    void appropriation_then_payment_are_accepted_with_their_sequences() {
        Answer appropriated = api.post("/api/v1/transactions", appropriate("a-" + unit, "1000.00"));
        assertThat(appropriated.status()).isEqualTo(201);
        assertThat(appropriated.body().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(appropriated.body().path("lineId").asText()).isEqualTo("a-" + unit);
        Answer paid = api.post("/api/v1/transactions", pay("p-" + unit, "a-" + unit, "999.99"));
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.body().path("sequence").get(0).asLong())
                .isGreaterThan(appropriated.body().path("sequence").get(0).asLong());
    }

    @Test
    void payment_over_the_available_balance_is_rejected_and_stores_nothing() {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "100.00"));
        api.post("/api/v1/transactions", pay("p1-" + unit, "a-" + unit, "60.00"));

        Answer rejected = api.post("/api/v1/transactions", pay("p2-" + unit, "a-" + unit, "40.01"));

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(rejected.body().path("detail").asText()).contains("40.00", "40.01", "a-" + unit);
        assertThat(storedEvents("p2-" + unit)).isZero();
        assertThat(storedTransactions("p2-" + unit)).isZero();
        assertThat(api.post("/api/v1/transactions", pay("p3-" + unit, "a-" + unit, "40.00")).status()).isEqualTo(201);
    }

    @Test
    void reposting_the_same_transaction_answers_200_and_stores_no_second_event() {
        Answer first = api.post("/api/v1/transactions", appropriate("a-" + unit, "100.00"));
        Map<String, Object> sameWithOtherSpelling = appropriate("a-" + unit, "100");

        Answer again = api.post("/api/v1/transactions", sameWithOtherSpelling);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(storedEvents("a-" + unit)).isEqualTo(1);
    }

    @Test
    void reusing_an_id_with_a_different_body_is_a_conflict() {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "100.00"));

        Answer conflict = api.post("/api/v1/transactions", appropriate("a-" + unit, "100.01"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(storedEvents("a-" + unit)).isEqualTo(1);
    }

    @Test
    void concurrent_duplicates_store_one_transaction() throws Exception {
        List<Answer> answers = Concurrently.run(8, attempt -> api.post("/api/v1/transactions", appropriate("a-" + unit, "5.00")));

        assertThat(answers).extracting(Answer::status).containsOnly(200, 201);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(storedEvents("a-" + unit)).isEqualTo(1);
    }

    @Test
    void concurrent_duplicates_of_a_payment_that_exhausts_its_line_are_repeats_not_rejections() throws Exception {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "10.00"));

        List<Answer> answers = Concurrently.run(8, attempt -> api.post("/api/v1/transactions", pay("p-" + unit, "a-" + unit, "10.00")));

        assertThat(answers).extracting(Answer::status).containsOnly(200, 201);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(storedEvents("p-" + unit)).isEqualTo(1);
    }

    @Test
    void concurrent_payments_never_overspend_a_line() throws Exception {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "100.00"));

        List<Answer> answers = Concurrently.run(24, attempt ->
                api.post("/api/v1/transactions", pay("p" + attempt + "-" + unit, "a-" + unit, "10.00")));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .extracting(Answer::code).containsOnly("INSUFFICIENT_BALANCE");
        long acceptedPayments = jdbc.sql("""
                        SELECT count(*) FROM ledger.posted_transaction WHERE unit = ? AND type = 'PAY'""")
                .param(unit).query(Long.class).single();
        assertThat(acceptedPayments).isEqualTo(10);
    }

    @Test
    void concurrent_posts_committed_together_each_get_the_answer_they_would_get_alone() throws Exception {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "100.00"));
        api.post("/api/v1/transactions", pay("p-" + unit, "a-" + unit, "1.00"));
        HttpApi clerkOfOtherUnits = HttpApi.as(port, "clerk-a");

        List<Answer> answers = Concurrently.run(40, attempt -> switch (attempt % 5) {
            case 0 -> api.post("/api/v1/transactions", pay("p" + attempt + "-" + unit, "a-" + unit, "1.00"));
            case 1 -> api.post("/api/v1/transactions", pay("p-" + unit, "a-" + unit, "2.00"));
            case 2 -> api.post("/api/v1/transactions", pay("p" + attempt + "-" + unit, "a-" + unit, "1000.00"));
            case 3 -> clerkOfOtherUnits.post("/api/v1/transactions", pay("p" + attempt + "-" + unit, "a-" + unit, "1.00"));
            default -> api.post("/api/v1/transactions", pay("p-" + unit, "a-" + unit, "1.00"));
        });

        for (int attempt = 0; attempt < answers.size(); attempt++) {
            Answer answer = answers.get(attempt);
            switch (attempt % 5) {
                case 0 -> assertThat(answer.status()).as("payment %d", attempt).isEqualTo(201);
                case 1 -> assertThat(answer.code()).as("reused id %d", attempt).isEqualTo("IDEMPOTENCY_CONFLICT");
                case 2 -> assertThat(answer.code()).as("overspending %d", attempt).isEqualTo("INSUFFICIENT_BALANCE");
                case 3 -> assertThat(answer.status()).as("other unit's clerk %d", attempt).isEqualTo(403);
                default -> assertThat(answer.status()).as("repeat %d", attempt).isEqualTo(200);
            }
        }
        long payments = jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = ? AND type = 'PAY'")
                .param(unit).query(Long.class).single();
        assertThat(payments).isEqualTo(1 + 8);
    }

    @Test
    void sequences_follow_commit_order_without_gaps() throws Exception {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "1000.00"));
        Concurrently.run(16, attempt -> api.post("/api/v1/transactions", pay("p" + attempt + "-" + unit, "a-" + unit, "1.00")));

        List<Long> sequences = jdbc.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(Long.class).list();
        List<java.sql.Timestamp> recorded = jdbc.sql("SELECT recorded_at FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(java.sql.Timestamp.class).list();
        assertThat(sequences).hasSize(17);
        assertThat(recorded).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        // rejected and concurrent postings leave no hole in the store's sequence either
        long holes = jdbc.sql("SELECT max(globalIndex) - min(globalIndex) + 1 - count(*) FROM ledger.domain_event_entry")
                .query(Long.class).single();
        assertThat(holes).isZero();
    }

    @Test
    void validation_failures_name_the_fields_and_store_nothing() {
        Map<String, Object> body = pay("p-" + unit, "a-" + unit, "1.00");
        body.put("economic", "302");
        body.put("date", "2024-01-01");
        body.remove("line");

        Answer invalid = api.post("/api/v1/transactions", body);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("economic", "date", "line");
        assertThat(storedTransactions("p-" + unit)).isZero();
    }

    @Test
    void amounts_are_exact_decimal_strings_or_plain_numbers() {
        assertThat(api.post("/api/v1/transactions", appropriate("a1-" + unit, "0.125")).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(api.postRaw("/api/v1/transactions", json(appropriate("a2-" + unit, "X")).replace("\"X\"", "1e3")).code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(api.postRaw("/api/v1/transactions", json(appropriate("a3-" + unit, "X")).replace("\"X\"", "12.5")).status())
                .isEqualTo(201);
    }

    @Test
    void unknown_fields_units_and_dates_outside_the_year_have_their_own_codes() {
        Map<String, Object> unknownField = appropriate("a1-" + unit, "1.00");
        unknownField.put("colour", "red");
        assertThat(api.post("/api/v1/transactions", unknownField).code()).isEqualTo("VALIDATION_FAILED");

        Map<String, Object> unknownUnit = appropriate("a2-" + unit, "1.00");
        unknownUnit.put("unit", "NOPE-" + unit);
        assertThat(api.post("/api/v1/transactions", unknownUnit).code()).isEqualTo("UNKNOWN_UNIT");

        Map<String, Object> outside = appropriate("a3-" + unit, "1.00");
        outside.put("date", "2022-12-31");
        assertThat(api.post("/api/v1/transactions", outside).code()).isEqualTo("DATE_OUTSIDE_YEAR");

        assertThat(api.postRaw("/api/v1/transactions", "{not json").code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void the_event_store_keeps_payloads_in_bytea_and_creates_no_large_objects() {
        api.post("/api/v1/transactions", appropriate("a-" + unit, "1.00"));

        List<String> types = jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_schema = 'ledger' AND column_name IN ('payload', 'metadata', 'token')""")
                .query(String.class).list();
        assertThat(types).isNotEmpty().containsOnly("bytea");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
    }

    private long storedEvents(String transactionId) {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id = ?")
                .param(transactionId).query(Long.class).single();
    }

    private long storedTransactions(String transactionId) {
        return jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?")
                .param(transactionId).query(Long.class).single();
    }

    private Map<String, Object> appropriate(String id, String amount) {
        Map<String, Object> body = Tx.appropriate(id, unit, 2023, "GENERAL_BUDGET", amount);
        body.put("kind", "PROJECT");
        body.put("project", "业务工作经费");
        return body;
    }

    private Map<String, Object> pay(String id, String line, String amount) {
        return Tx.pay(id, unit, 2023, line, "30201", amount);
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
