package org.budgetledger.ledger.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealInfrastructure
@SpringBootTest(classes = LedgerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingTest {

    private static final String TOPIC = "budget-ledger.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = new HttpApi(port);
        unit = "U" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/units", Map.of("code", unit, "name", "测试单位"));
    }

    @Test
    void every_event_reaches_the_topic_as_a_readable_cloud_event(Infrastructure infrastructure) throws IOException {
        assertThat(api.post("/api/v1/transactions", appropriate("a-" + unit)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", pay("p-" + unit, "12.34")).status()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsOf(infrastructure), list -> list.size() == 2);

        ConsumerRecord<String, byte[]> payment = records.get(1);
        assertThat(payment.key()).isEqualTo(unit + ":2023");
        Map<String, String> headers = headers(payment);
        JsonNode value = JSON.readTree(payment.value());
        String storedEventId = jdbc.sql("SELECT eventIdentifier FROM ledger.domain_event_entry WHERE transaction_id = ?")
                .param("p-" + unit).query(String.class).single();
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", storedEventId)
                .containsEntry("ce_source", "/budget-ledger/" + unit)
                .containsEntry("ce_type", "budgetledger.PaymentMade.v1")
                .containsEntry("ce_subject", "2023")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        assertThat(value.path("eventId").asText()).isEqualTo(storedEventId);
        assertThat(value.path("type").asText()).isEqualTo("PaymentMade");
        assertThat(value.path("transactionId").asText()).isEqualTo("p-" + unit);
        assertThat(value.path("unit").asText()).isEqualTo(unit);
        assertThat(value.path("year").asInt()).isEqualTo(2023);
        assertThat(value.path("effectiveDate").asText()).isEqualTo("2023-02-10");
        assertThat(value.path("amount").isTextual()).isTrue();
        assertThat(value.path("amount").asText()).isEqualTo("12.34");
        assertThat(value.path("principal").asText()).isNotBlank();
        assertThat(value.path("recordedAt").asText()).isEqualTo(headers.get("ce_time"));
        assertThat(value.path("sequence").asLong()).isGreaterThan(JSON.readTree(records.get(0).value()).path("sequence").asLong());
    }

    @Test
    void transactions_accepted_while_the_broker_is_down_are_published_when_it_returns(Infrastructure infrastructure) {
        api.post("/api/v1/transactions", appropriate("a-" + unit));
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOf(infrastructure).size() == 1);

        infrastructure.stopBroker();
        try {
            for (int n = 0; n < 5; n++) {
                assertThat(api.post("/api/v1/transactions", pay("p" + n + "-" + unit, "1.00")).status()).isEqualTo(201);
            }
        } finally {
            infrastructure.startBroker();
        }

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() -> recordsOf(infrastructure), list -> distinctSequences(list).size() == 6);
        List<Long> stored = jdbc.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(Long.class).list();
        assertThat(distinctSequences(records)).containsExactlyElementsOf(stored);
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(Infrastructure infrastructure) {
        return TopicReader.readAll(infrastructure.bootstrapServers(), TOPIC).stream()
                .filter(record -> record.key().equals(unit + ":2023"))
                .toList();
    }

    /** Sequences in topic order, a redelivered duplicate counted once. */
    private static List<Long> distinctSequences(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> {
            try {
                return JSON.readTree(record.value()).path("sequence").asLong();
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).distinct().toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, header -> new String(header.value(), StandardCharsets.UTF_8)));
    }

    private Map<String, Object> appropriate(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("type", "APPROPRIATE");
        body.put("unit", unit);
        body.put("year", 2023);
        body.put("date", "2023-01-10");
        body.put("fund", "GENERAL_BUDGET");
        body.put("subject", "2010499");
        body.put("kind", "BASIC");
        body.put("amount", "1000.00");
        return body;
    }

    private Map<String, Object> pay(String id, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("type", "PAY");
        body.put("unit", unit);
        body.put("year", 2023);
        body.put("date", "2023-02-10");
        body.put("line", "a-" + unit);
        body.put("economic", "30201");
        body.put("amount", amount);
        return body;
    }
}
