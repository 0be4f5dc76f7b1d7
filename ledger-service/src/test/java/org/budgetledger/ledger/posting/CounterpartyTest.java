package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code counterparty} on PAY and RECEIVE (SPEC §13): the unit on the other side of an internal flow, carried by
 * the events of the payment, its refunds and the receipt, in the store and on the topic; every other event's
 * bytes stay what they were. A 厅 subsidises its 中心, the 中心 records the subsidy as 上级补助收入.
 */
class CounterpartyTest extends LedgerIntegrationTest {

    private static final String TOPIC = "budget-ledger.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpApi api;
    /** 厅, the superior unit. */
    private String department;
    /** 中心, its subordinate. */
    private String centre;

    @BeforeEach
    void registerUnits() {
        api = api();
        department = newUnit("T");
        centre = newUnit("C");
    }

    @Test
    void an_internal_payment_its_refund_and_the_receipt_carry_the_counterparty_in_the_store_and_on_the_topic(
            Infrastructure infrastructure) throws IOException {
        assertThat(post(line("s1", department, "SUBSIDY_AFFILIATE")).status()).isEqualTo(201);
        assertThat(post(pay("p1", department, "s1", "600.00", centre)).status()).isEqualTo(201);
        assertThat(post(receive("i1", centre, "SUPERIOR_SUBSIDY", "600.00", department)).status()).isEqualTo(201);
        assertThat(post(Tx.of("REFUND", "r1", department, 2023, "2023-06-20", "payment", "p1", "amount", "100.00"))
                .status()).isEqualTo(201);

        assertThat(stored(department, "p1").path("counterparty").asText()).isEqualTo(centre);
        assertThat(stored(department, "r1").path("counterparty").asText()).isEqualTo(centre);
        assertThat(stored(centre, "i1").path("counterparty").asText()).isEqualTo(department);
        assertThat(stored(department, "s1").has("counterparty")).isFalse();

        List<JsonNode> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> published(infrastructure), values -> values.size() == 4);
        assertThat(published).extracting(value -> value.path("type").asText() + " " + value.path("transactionId").asText()
                        + " " + value.path("counterparty").asText("-"))
                .containsExactlyInAnyOrder("BudgetAppropriated s1 -", "PaymentMade p1 " + centre,
                        "PaymentRefunded r1 " + centre, "IncomeReceived i1 " + department);
        // the posted transactions' records agree with their events: a counterparty is no tampering
        JsonNode verification = api.postRaw("/api/v1/audit/verify", "").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void a_payment_and_a_receipt_without_counterparty_are_stored_byte_for_byte_as_before() {
        post(line("s1", department, "BASIC"));
        assertThat(post(pay("p1", department, "s1", "12.34", null)).status()).isEqualTo(201);
        assertThat(post(receive("i1", department, "OTHER", "5.00", null)).status()).isEqualTo(201);

        // the payloads main wrote before counterparties existed, for these requests
        assertThat(payload(department, "p1")).isEqualTo("{\"transactionId\":\"p1\",\"unit\":\"" + department
                + "\",\"year\":2023,\"effectiveDate\":\"2023-06-10\",\"principal\":\"test-admin\",\"memo\":null,\"voucher\":null,"
                + "\"lineId\":\"s1\",\"origin\":\"APPROPRIATION\",\"fund\":\"OTHER\",\"subject\":\"2140199\",\"kind\":\"BASIC\","
                + "\"project\":null,\"economic\":\"39999\",\"amount\":\"12.34\",\"payee\":null,\"method\":null}");
        assertThat(payload(department, "i1")).isEqualTo("{\"transactionId\":\"i1\",\"unit\":\"" + department
                + "\",\"year\":2023,\"effectiveDate\":\"2023-06-10\",\"principal\":\"test-admin\",\"memo\":null,\"voucher\":null,"
                + "\"fund\":\"OTHER\",\"subject\":\"2140199\",\"amount\":\"5.00\"}");
    }

    @Test
    void the_counterparty_is_part_of_the_request_a_repeat_is_compared_with() {
        post(line("s1", department, "SUBSIDY_AFFILIATE"));
        assertThat(post(pay("p1", department, "s1", "1.00", centre)).status()).isEqualTo(201);

        assertThat(post(pay("p1", department, "s1", "1.00", centre)).status()).isEqualTo(200);
        assertThat(post(pay("p1", department, "s1", "1.00", null)).code()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }

    @Test
    void each_refused_counterparty_is_answered_with_its_code_and_stores_nothing() {
        post(line("s1", department, "SUBSIDY_AFFILIATE"));
        post(line("b1", department, "BASIC"));
        post(line("m1", department, "REMIT_SUPERIOR"));
        String unregistered = "NOPE" + centre;
        List<String> answers = new ArrayList<>();
        List<Map<String, Object>> refused = List.of(
                pay("x1", department, "b1", "1.00", centre),
                receive("x2", centre, "OTHER", "1.00", department),
                receive("x3", centre, "GENERAL_BUDGET", "1.00", department),
                pay("x4", department, "s1", "1.00", unregistered),
                receive("x5", centre, "AFFILIATE", "1.00", unregistered),
                pay("x6", department, "m1", "1.00", department),
                receive("x7", centre, "SUPERIOR_SUBSIDY", "1.00", "中心"),
                Tx.of("REFUND", "x8", department, 2023, "2023-06-20", "payment", "p0", "amount", "1.00",
                        "counterparty", centre),
                Tx.of("TRANSFER", "x9", department, 2023, "2023-06-20", "from", "s1", "to", "b1", "amount", "1.00",
                        "reason", "r", "counterparty", centre));
        for (Map<String, Object> body : refused) {
            Answer answer = post(body);
            answers.add(body.get("id") + " " + answer.status() + " " + problem(answer.body()));
        }

        assertThat(answers).containsExactly(
                "x1 400 VALIDATION_FAILED \"counterparty: only for a payment from a line of kind SUBSIDY_AFFILIATE or"
                        + " REMIT_SUPERIOR (an internal flow); line b1 is BASIC\" [counterparty: only for a payment from"
                        + " a line of kind SUBSIDY_AFFILIATE or REMIT_SUPERIOR (an internal flow); line b1 is BASIC]",
                "x2 400 VALIDATION_FAILED \"counterparty: only for income of fund SUPERIOR_SUBSIDY or AFFILIATE (an"
                        + " internal flow), not OTHER\" [counterparty: only for income of fund SUPERIOR_SUBSIDY or"
                        + " AFFILIATE (an internal flow), not OTHER]",
                "x3 422 INVALID_FUND \"RECEIVE is for non-fiscal money; GENERAL_BUDGET (一般公共预算财政拨款) comes by"
                        + " APPROPRIATE\" []",
                "x4 400 UNKNOWN_UNIT \"counterparty $X is not registered\" [counterparty: not a registered unit]",
                "x5 400 UNKNOWN_UNIT \"counterparty $X is not registered\" [counterparty: not a registered unit]",
                "x6 400 VALIDATION_FAILED \"counterparty: must be another unit than unit (a unit does not pay itself)\""
                        + " [counterparty: must be another unit than unit (a unit does not pay itself)]",
                "x7 400 VALIDATION_FAILED \"counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -\""
                        + " [counterparty: must be 1–32 characters of 0-9, A-Z, a-z, _ and -]",
                "x8 400 VALIDATION_FAILED \"counterparty: not a field of REFUND\" [counterparty: not a field of REFUND]",
                "x9 400 VALIDATION_FAILED \"counterparty: not a field of TRANSFER\" [counterparty: not a field of TRANSFER]");
        for (String id : List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9")) {
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id = ?")
                    .param(id).query(Long.class).single()).as(id).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?")
                    .param(id).query(Long.class).single()).as(id).isZero();
        }
    }

    private Answer post(Map<String, Object> body) {
        return api.post("/api/v1/transactions", body);
    }

    /** A non-fiscal line of this kind (fiscal money is spent as BASIC or PROJECT only). */
    private static Map<String, Object> line(String id, String unit, String kind) {
        Map<String, Object> body = Tx.appropriate(id, unit, 2023, "OTHER", "1000.00");
        body.put("kind", kind);
        return body;
    }

    private static Map<String, Object> pay(String id, String unit, String line, String amount, String counterparty) {
        Map<String, Object> body = Tx.pay(id, unit, 2023, line, "39999", amount);
        if (counterparty != null) {
            body.put("counterparty", counterparty);
        }
        return body;
    }

    private static Map<String, Object> receive(String id, String unit, String fund, String amount, String counterparty) {
        Map<String, Object> body = Tx.of("RECEIVE", id, unit, 2023, "2023-06-10", "fund", fund, "subject", "2140199",
                "amount", amount);
        if (counterparty != null) {
            body.put("counterparty", counterparty);
        }
        return body;
    }

    private String payload(String unit, String transactionId) {
        byte[] payload = jdbc.sql("SELECT payload FROM ledger.domain_event_entry WHERE unit = ? AND transaction_id = ?")
                .params(unit, transactionId).query(byte[].class).single();
        return new String(payload, StandardCharsets.UTF_8);
    }

    private JsonNode stored(String unit, String transactionId) throws IOException {
        return JSON.readTree(payload(unit, transactionId));
    }

    /** The values on the topic of this test's two unit-years, a redelivered duplicate counted once. */
    private List<JsonNode> published(Infrastructure infrastructure) {
        return TopicReader.readAll(infrastructure.bootstrapServers(), TOPIC).stream()
                .filter(record -> record.key().equals(department + ":2023") || record.key().equals(centre + ":2023"))
                .map(ConsumerRecord::value).map(CounterpartyTest::read)
                .collect(Collectors.toMap(value -> value.path("sequence").asLong(), value -> value, (first, again) -> first))
                .values().stream().toList();
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private String problem(JsonNode problem) {
        String errors = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText() + ": " + error.path("message").asText())
                .collect(Collectors.joining(" | "));
        return (problem.path("code").asText() + " \"" + problem.path("detail").asText() + "\" [" + errors + "]")
                .replace("NOPE" + centre, "$X");
    }
}
