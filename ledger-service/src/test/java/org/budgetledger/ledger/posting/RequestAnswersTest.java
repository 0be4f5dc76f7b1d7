package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a body the ledger refuses without looking at its state is answered, to the letter: status, code, detail
 * and every error in order, by a single POST and as an item of a batch. The expected answers are those the
 * ledger gave before requests were typed per transaction type; a client must not see the difference.
 */
class RequestAnswersTest extends LedgerIntegrationTest {

    private static final String COMMON = "\"unit\":\"$U\",\"year\":2023,\"date\":\"2023-01-01\"";

    /** Bodies and what a single POST of each answers; "$U" is a registered unit. */
    private static final List<String[]> CASES = List.of(
            c("null",
                    "400 MALFORMED_REQUEST \"the body is empty or is no JSON\" []"),
            c("[]",
                    "400 MALFORMED_REQUEST \"the body must be a JSON object\" []"),
            c("\"x\"",
                    "400 MALFORMED_REQUEST \"the body must be a JSON object\" []"),
            c("5",
                    "400 MALFORMED_REQUEST \"the body must be a JSON object\" []"),
            c("{}",
                    "400 VALIDATION_FAILED \"5 fields are not valid\" [type: required | id: required | unit: required | year: a year from 2000 to 2100 | date: required]"),
            c("{\"type\":\"FOO\"}",
                    "400 VALIDATION_FAILED \"5 fields are not valid\" [type: must be one of [APPROPRIATE, ADJUST, TRANSFER, PAY, REFUND, RECEIVE, OPENING_BALANCE, USE_RESERVE, DISTRIBUTE_SURPLUS, SET_LIMIT, CARRY_OVER, COMMIT, RELEASE] | id: required | unit: required | year: a year from 2000 to 2100 | date: required]"),
            c("{\"type\":null,\"id\":\"x\",\"unit\":\"$U\"}",
                    "400 VALIDATION_FAILED \"3 fields are not valid\" [type: required | year: a year from 2000 to 2100 | date: required]"),
            c("{\"type\":5}",
                    "400 VALIDATION_FAILED \"type: must be a string\" [type: must be a string]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"}",
                    "400 VALIDATION_FAILED \"6 fields are not valid\" [unit: required | year: a year from 2000 to 2100 | date: required | line: required | economic: required | amount: required]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"," + COMMON + ",\"fund\":\"GENERAL_BUDGET\",\"reason\":\"r\",\"category\":\"RECEPTION\","
                    + "\"line\":\"a\",\"economic\":\"30201\",\"amount\":\"1\"}",
                    "400 VALIDATION_FAILED \"3 fields are not valid\" [fund: not a field of PAY | reason: not a field of PAY | category: not a field of PAY]"),
            c("{\"id\":\"a>b\",\"type\":\"TRANSFER\",\"unit\":\"bad unit\",\"year\":1999,\"date\":\"x\",\"memo\":\"\","
                    + "\"voucher\":\" v\",\"payee\":\"p\",\"method\":\"DIRECT\",\"kind\":\"BASIC\",\"from\":\"a\",\"to\":\"a\",\"amount\":\"0\"}",
                    "400 VALIDATION_FAILED \"11 fields are not valid\" [id: may not contain '>': it marks the lines a carry-over brings into the next year (line>year) | unit: must be 1–32 characters of 0-9, A-Z, a-z, _ and - | year: a year from 2000 to 2100 | date: must be a date YYYY-MM-DD | voucher: must not begin or end with a space | kind: not a field of TRANSFER | payee: not a field of TRANSFER | method: not a field of TRANSFER | to: must be another line than from | amount: must be greater than 0 | reason: required]"),
            c("{\"colour\":\"red\",\"year\":\"x\",\"type\":\"PAY\"}",
                    "400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]"),
            c("{\"year\":2023.5,\"colour\":\"red\"}",
                    "400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]"),
            c("{\"year\":\"abc\",\"type\":\"PAY\"}",
                    "400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]"),
            c("{\"colour\":\"red\"}",
                    "400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]"),
            c("{\"id\":\"x\",\"type\":\"PAY\",\"year\":99999999999}",
                    "400 VALIDATION_FAILED \"year: out of range\" [year: out of range]"),
            c("{\"colour\":\"red\",\"type\":\"FOO\"}",
                    "400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]"),
            c("{\"type\":\"PAY\",\"shade\":1,\"colour\":\"red\"}",
                    "400 VALIDATION_FAILED \"unknown field shade\" [shade: unknown field]"),
            c("{\"type\":\"PAY\",\"colour\":\"red\",\"fund\":5}",
                    "400 VALIDATION_FAILED \"fund: must be a string\" [fund: must be a string]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"," + COMMON + ",\"colour\":\"red\",\"line\":\"a\",\"economic\":\"30201\",\"amount\":\"1\",\"fund\":\"X\"}",
                    "400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]"),
            c("{\"type\":\"PAY\",\"fund\":5}",
                    "400 VALIDATION_FAILED \"fund: must be a string\" [fund: must be a string]"),
            c("{\"type\":\"CARRY_OVER\",\"amount\":{}}",
                    "400 VALIDATION_FAILED \"4 fields are not valid\" [id: required | unit: required | year: a year from 2000 to 2100 | amount: not a field of CARRY_OVER]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"," + COMMON + ",\"line\":\"a\",\"economic\":\"30201\",\"amount\":[1]}",
                    "400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null]"),
            c("{\"id\":\"x\",\"type\":\"ADJUST\"," + COMMON + ",\"line\":\"a\",\"reason\":\"r\",\"amount\":true}",
                    "400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null]"),
            c("{\"id\":\"c\",\"type\":\"CARRY_OVER\",\"unit\":\"$U\",\"year\":2023,\"date\":\"nonsense\",\"amount\":\"1\"}",
                    "400 VALIDATION_FAILED \"amount: not a field of CARRY_OVER\" [amount: not a field of CARRY_OVER]"),
            c("{\"id\":\"a\",\"type\":\"APPROPRIATE\"," + COMMON + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"21401\","
                    + "\"kind\":\"OTHER\",\"project\":\"p\",\"economic\":\"3\",\"amount\":\"1e3\"}",
                    "400 VALIDATION_FAILED \"4 fields are not valid\" [subject: must be a 7-digit 项 code | kind: must be one of [BASIC, PROJECT, REMIT_SUPERIOR, OPERATING, SUBSIDY_AFFILIATE] | economic: must be a 3-digit economic group or a 5-digit economic code | amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"1e3\"]"),
            c("{\"id\":\"a\",\"type\":\"APPROPRIATE\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140199\","
                    + "\"kind\":\"BASIC\",\"project\":\"p\",\"amount\":\"0.125\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [project: only for kind PROJECT | amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"0.125\"]"),
            c("{\"id\":\"o\",\"type\":\"OPENING_BALANCE\"," + COMMON + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\","
                    + "\"project\":\"p\",\"amount\":\"-1\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [kind: required for fiscal money (it opens a budget line) | amount: must be greater than 0]"),
            c("{\"id\":\"o\",\"type\":\"OPENING_BALANCE\"," + COMMON + ",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\","
                    + "\"kind\":\"PROJECT\",\"amount\":\"1\"}",
                    "400 VALIDATION_FAILED \"project: required when kind is PROJECT\" [project: required when kind is PROJECT]"),
            c("{\"id\":\"r\",\"type\":\"REFUND\",\"unit\":\"$U\",\"year\":2023,\"date\":\"2024-01-01\",\"payment\":\"p\",\"amount\":\"1\"}",
                    "400 DATE_OUTSIDE_YEAR \"date: must fall inside the budget year 2023\" [date: must fall inside the budget year 2023]"),
            c("{\"id\":\"r\",\"type\":\"REFUND\"," + COMMON + ",\"amount\":\"-1\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [payment: required | amount: must be greater than 0]"),
            c("{\"id\":\"l\",\"type\":\"SET_LIMIT\"," + COMMON + ",\"category\":\"X\",\"amount\":\"-1\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [category: must be one of [ABROAD, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION] | amount: must not be negative]"),
            c("{\"id\":\"l\",\"type\":\"SET_LIMIT\"," + COMMON + ",\"category\":\"RECEPTION\",\"amount\":\"-1\"}",
                    "400 INVALID_AMOUNT \"amount: must not be negative\" [amount: must not be negative]"),
            c("{\"id\":\"x\",\"type\":\"SET_LIMIT\",\"unit\":\"$U\",\"year\":\"2023\",\"date\":\"2023-01-01\",\"category\":\"RECEPTION\","
                    + "\"amount\":\"1\",\"line\":\"l\",\"from\":\"f\",\"to\":\"t\",\"payment\":\"p\",\"payee\":\"y\",\"method\":\"M\","
                    + "\"subject\":\"s\",\"project\":\"p\",\"economic\":\"e\",\"kind\":\"k\",\"fund\":\"f\",\"reason\":\"r\"}",
                    "400 VALIDATION_FAILED \"12 fields are not valid\" [fund: not a field of SET_LIMIT | subject: not a field of SET_LIMIT | kind: not a field of SET_LIMIT | project: not a field of SET_LIMIT | economic: not a field of SET_LIMIT | line: not a field of SET_LIMIT | from: not a field of SET_LIMIT | to: not a field of SET_LIMIT | reason: not a field of SET_LIMIT | payment: not a field of SET_LIMIT | payee: not a field of SET_LIMIT | method: not a field of SET_LIMIT]"),
            c("{\"id\":\"i\",\"type\":\"RECEIVE\"," + COMMON + ",\"fund\":\"NOPE\",\"subject\":\"x\"}",
                    "400 VALIDATION_FAILED \"3 fields are not valid\" [fund: must be one of [GENERAL_BUDGET, GOV_FUND, STATE_CAPITAL, SUPERIOR_SUBSIDY, BUSINESS, OPERATING, AFFILIATE, OTHER] | subject: must be a 7-digit 项 code | amount: required]"),
            c("{\"id\":\"u\",\"type\":\"USE_RESERVE\"," + COMMON + "}",
                    "400 VALIDATION_FAILED \"3 fields are not valid\" [fund: required | subject: required | amount: required]"),
            c("{\"id\":\"d\",\"type\":\"DISTRIBUTE_SURPLUS\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"amount\":\"x\"}",
                    "400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"x\"\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"x\"]"),
            c("{\"id\":\"p\",\"type\":\"PAY\"," + COMMON + ",\"line\":\"a\",\"economic\":\"302\",\"amount\":\"1\",\"method\":\"CASH\","
                    + "\"payee\":\"\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [economic: must be a 5-digit economic code | method: must be DIRECT or AUTHORIZED]"),
            c("{\"id\":\"j\",\"type\":\"ADJUST\"," + COMMON + ",\"line\":\"a\",\"amount\":\"0\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [amount: must not be 0 (positive to add, negative to cut) | reason: required]"),
            c("{\"id\":\"t\",\"type\":\"TRANSFER\"," + COMMON + ",\"from\":\"a\",\"amount\":\"1\",\"reason\":\"r\"}",
                    "400 VALIDATION_FAILED \"to: required\" [to: required]"),
            c("{\"id\":\"k1\",\"type\":\"PAY\"," + COMMON + ",\"line\":\"a\",\"economic\":\"30201\",\"amount\":\"1\",\"counterparty\":\"中心\"}",
                    "400 VALIDATION_FAILED \"counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -\" [counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -]"),
            c("{\"id\":\"k2\",\"type\":\"PAY\"," + COMMON + ",\"line\":\"a\",\"economic\":\"30201\",\"amount\":\"1\",\"counterparty\":\"$U\"}",
                    "400 VALIDATION_FAILED \"counterparty: must be another unit than unit (a unit does not pay itself)\" [counterparty: must be another unit than unit (a unit does not pay itself)]"),
            c("{\"id\":\"k3\",\"type\":\"RECEIVE\"," + COMMON + ",\"fund\":\"SUPERIOR_SUBSIDY\",\"subject\":\"2140199\",\"amount\":\"1\",\"counterparty\":\"$U\"}",
                    "400 VALIDATION_FAILED \"counterparty: must be another unit than unit (a unit does not pay itself)\" [counterparty: must be another unit than unit (a unit does not pay itself)]"),
            c("{\"id\":\"k4\",\"type\":\"RECEIVE\"," + COMMON + ",\"fund\":\"AFFILIATE\",\"subject\":\"2140199\",\"amount\":\"0\",\"counterparty\":\"\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [amount: must be greater than 0 | counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -]"),
            c("{\"id\":\"k5\",\"type\":\"REFUND\"," + COMMON + ",\"payment\":\"p\",\"amount\":\"1\",\"counterparty\":\"X\"}",
                    "400 VALIDATION_FAILED \"counterparty: not a field of REFUND\" [counterparty: not a field of REFUND]"),
            c("{\"id\":\"k6\",\"type\":\"APPROPRIATE\"," + COMMON + ",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"kind\":\"SUBSIDY_AFFILIATE\",\"amount\":\"1\",\"counterparty\":\"X\",\"payee\":\"y\"}",
                    "400 VALIDATION_FAILED \"2 fields are not valid\" [payee: not a field of APPROPRIATE | counterparty: not a field of APPROPRIATE]"),
            c("{\"id\":\"k7\",\"type\":\"CARRY_OVER\",\"unit\":\"$U\",\"year\":2023,\"counterparty\":5}",
                    "400 VALIDATION_FAILED \"counterparty: must be a string\" [counterparty: must be a string]"),
            c("{\"type\":\"PAY\",\"type\":\"ADJUST\",\"id\":\"x\"}",
                    "400 MALFORMED_REQUEST \"the body is not valid JSON at line 1, column 21\" []"),
            c("{\"type\":\"PAY\",\"memo\":\"x\\ud800\"}",
                    "400 VALIDATION_FAILED \"memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)\" [memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"," + COMMON + ",\"line\":\"a\",\"economic\":\"30201\",\"amount\":\"1\",\"memo\":\"x\\ud800\"}",
                    "400 VALIDATION_FAILED \"memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)\" [memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)]"),
            c("{\"id\":\"x\",\"type\":\"PAY\"",
                    "400 MALFORMED_REQUEST \"the body ends before its JSON is complete at line 1, column 23\" []"),
            c("{\"type\":\"PAY\"} x",
                    "400 MALFORMED_REQUEST \"the body is not valid JSON at line 1, column 17\" []"));

    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("Q");
    }

    private static String[] c(String body, String answer) {
        return new String[]{body, answer};
    }

    @Test
    void a_single_post_answers_each_refused_body_as_before() {
        List<String> answers = new ArrayList<>();
        for (String[] pair : CASES) {
            HttpApi.Answer answer = api.postRaw("/api/v1/transactions", pair[0].replace("$U", unit));
            answers.add(pair[0] + " -> " + answer.status() + " " + problem(answer.body()));
        }
        assertThat(answers).containsExactlyElementsOf(CASES.stream().map(pair -> pair[0] + " -> " + pair[1]).toList());
    }

    @Test
    void a_batch_answers_each_refused_item_as_before() {
        // a batch body is one JSON text: an item cannot be cut short, followed by text, or hold a key twice
        List<String[]> items = CASES.subList(0, CASES.size() - 2).stream()
                .filter(pair -> !pair[0].contains("\"type\":\"PAY\",\"type\"")).toList();
        String body = "{\"transactions\":[" + items.stream().map(pair -> pair[0].replace("$U", unit))
                .collect(Collectors.joining(",")) + "]}";
        HttpApi.Answer batch = api.postRaw("/api/v1/transactions:batch", body);
        JsonNode results = batch.body().path("results");
        List<String> answers = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            JsonNode result = results.get(index);
            answers.add(result.path("id").asText("-") + " " + result.path("status").asInt()
                    + " " + problem(result.path("problem")));
        }
        assertThat(answers).containsExactlyElementsOf(BATCH);
    }

    /** What each item of a batch of every body but the last two and the one with a repeated key answers. */
    private static final List<String> BATCH = List.of(
            "- 400 MALFORMED_REQUEST \"the body must be a JSON object\" []",
            "- 400 MALFORMED_REQUEST \"the body must be a JSON object\" []",
            "- 400 MALFORMED_REQUEST \"the body ends before its JSON is complete at line 1, column 2\" []",
            "- 400 MALFORMED_REQUEST \"the body must be a JSON object\" []",
            "- 400 VALIDATION_FAILED \"5 fields are not valid\" [type: required | id: required | unit: required | year: a year from 2000 to 2100 | date: required]",
            "- 400 VALIDATION_FAILED \"5 fields are not valid\" [type: must be one of [APPROPRIATE, ADJUST, TRANSFER, PAY, REFUND, RECEIVE, OPENING_BALANCE, USE_RESERVE, DISTRIBUTE_SURPLUS, SET_LIMIT, CARRY_OVER, COMMIT, RELEASE] | id: required | unit: required | year: a year from 2000 to 2100 | date: required]",
            "x 400 VALIDATION_FAILED \"3 fields are not valid\" [type: required | year: a year from 2000 to 2100 | date: required]",
            "- 400 VALIDATION_FAILED \"type: must be a string\" [type: must be a string]",
            "x 400 VALIDATION_FAILED \"6 fields are not valid\" [unit: required | year: a year from 2000 to 2100 | date: required | line: required | economic: required | amount: required]",
            "x 400 VALIDATION_FAILED \"3 fields are not valid\" [fund: not a field of PAY | reason: not a field of PAY | category: not a field of PAY]",
            "a>b 400 VALIDATION_FAILED \"11 fields are not valid\" [id: may not contain '>': it marks the lines a carry-over brings into the next year (line>year) | unit: must be 1–32 characters of 0-9, A-Z, a-z, _ and - | year: a year from 2000 to 2100 | date: must be a date YYYY-MM-DD | voucher: must not begin or end with a space | kind: not a field of TRANSFER | payee: not a field of TRANSFER | method: not a field of TRANSFER | to: must be another line than from | amount: must be greater than 0 | reason: required]",
            "- 400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]",
            "- 400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]",
            "- 400 VALIDATION_FAILED \"year: must be a whole number\" [year: must be a whole number]",
            "- 400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]",
            "- 400 VALIDATION_FAILED \"year: out of range\" [year: out of range]",
            "- 400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]",
            "- 400 VALIDATION_FAILED \"unknown field shade\" [shade: unknown field]",
            "- 400 VALIDATION_FAILED \"fund: must be a string\" [fund: must be a string]",
            "- 400 VALIDATION_FAILED \"unknown field colour\" [colour: unknown field]",
            "- 400 VALIDATION_FAILED \"fund: must be a string\" [fund: must be a string]",
            "- 400 VALIDATION_FAILED \"4 fields are not valid\" [id: required | unit: required | year: a year from 2000 to 2100 | amount: not a field of CARRY_OVER]",
            "x 400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null]",
            "x 400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: null]",
            "c 400 VALIDATION_FAILED \"amount: not a field of CARRY_OVER\" [amount: not a field of CARRY_OVER]",
            "a 400 VALIDATION_FAILED \"4 fields are not valid\" [subject: must be a 7-digit 项 code | kind: must be one of [BASIC, PROJECT, REMIT_SUPERIOR, OPERATING, SUBSIDY_AFFILIATE] | economic: must be a 3-digit economic group or a 5-digit economic code | amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"1e3\"]",
            "a 400 VALIDATION_FAILED \"2 fields are not valid\" [project: only for kind PROJECT | amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"0.125\"]",
            "o 400 VALIDATION_FAILED \"2 fields are not valid\" [kind: required for fiscal money (it opens a budget line) | amount: must be greater than 0]",
            "o 400 VALIDATION_FAILED \"project: required when kind is PROJECT\" [project: required when kind is PROJECT]",
            "r 400 DATE_OUTSIDE_YEAR \"date: must fall inside the budget year 2023\" [date: must fall inside the budget year 2023]",
            "r 400 VALIDATION_FAILED \"2 fields are not valid\" [payment: required | amount: must be greater than 0]",
            "l 400 VALIDATION_FAILED \"2 fields are not valid\" [category: must be one of [ABROAD, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION] | amount: must not be negative]",
            "l 400 INVALID_AMOUNT \"amount: must not be negative\" [amount: must not be negative]",
            "x 400 VALIDATION_FAILED \"12 fields are not valid\" [fund: not a field of SET_LIMIT | subject: not a field of SET_LIMIT | kind: not a field of SET_LIMIT | project: not a field of SET_LIMIT | economic: not a field of SET_LIMIT | line: not a field of SET_LIMIT | from: not a field of SET_LIMIT | to: not a field of SET_LIMIT | reason: not a field of SET_LIMIT | payment: not a field of SET_LIMIT | payee: not a field of SET_LIMIT | method: not a field of SET_LIMIT]",
            "i 400 VALIDATION_FAILED \"3 fields are not valid\" [fund: must be one of [GENERAL_BUDGET, GOV_FUND, STATE_CAPITAL, SUPERIOR_SUBSIDY, BUSINESS, OPERATING, AFFILIATE, OTHER] | subject: must be a 7-digit 项 code | amount: required]",
            "u 400 VALIDATION_FAILED \"3 fields are not valid\" [fund: required | subject: required | amount: required]",
            "d 400 INVALID_AMOUNT \"amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"x\"\" [amount: not an amount in 元 with at most two decimals and at most 15 integer digits: \"x\"]",
            "p 400 VALIDATION_FAILED \"2 fields are not valid\" [economic: must be a 5-digit economic code | method: must be DIRECT or AUTHORIZED]",
            "j 400 VALIDATION_FAILED \"2 fields are not valid\" [amount: must not be 0 (positive to add, negative to cut) | reason: required]",
            "t 400 VALIDATION_FAILED \"to: required\" [to: required]",
            "k1 400 VALIDATION_FAILED \"counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -\" [counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -]",
            "k2 400 VALIDATION_FAILED \"counterparty: must be another unit than unit (a unit does not pay itself)\" [counterparty: must be another unit than unit (a unit does not pay itself)]",
            "k3 400 VALIDATION_FAILED \"counterparty: must be another unit than unit (a unit does not pay itself)\" [counterparty: must be another unit than unit (a unit does not pay itself)]",
            "k4 400 VALIDATION_FAILED \"2 fields are not valid\" [amount: must be greater than 0 | counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -]",
            "k5 400 VALIDATION_FAILED \"counterparty: not a field of REFUND\" [counterparty: not a field of REFUND]",
            "k6 400 VALIDATION_FAILED \"2 fields are not valid\" [payee: not a field of APPROPRIATE | counterparty: not a field of APPROPRIATE]",
            "- 400 VALIDATION_FAILED \"counterparty: must be a string\" [counterparty: must be a string]",
            "- 400 VALIDATION_FAILED \"8 fields are not valid\" [id: required | unit: required | year: a year from 2000 to 2100 | date: required | memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF) | line: required | economic: required | amount: required]",
            "x 400 VALIDATION_FAILED \"memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)\" [memo: must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)]");

    private String problem(JsonNode problem) {
        String errors = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText() + ": " + error.path("message").asText())
                .collect(Collectors.joining(" | "));
        return (problem.path("code").asText() + " \"" + problem.path("detail").asText() + "\" [" + errors + "]")
                .replace(unit, "$U");
    }
}
