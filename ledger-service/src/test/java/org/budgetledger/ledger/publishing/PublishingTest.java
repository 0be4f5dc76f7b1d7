package org.budgetledger.ledger.publishing;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PublishingTest extends LedgerIntegrationTest {

    private static final String TOPIC = "budget-ledger.events";
    private static final ObjectMapper JSON = new ObjectMapper();


    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("U");
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
        assertThat(value.path("effectiveDate").asText()).isEqualTo("2023-06-10");
        assertThat(value.path("amount").isTextual()).isTrue();
        assertThat(value.path("amount").asText()).isEqualTo("12.34");
        assertThat(value.path("principal").asText()).isNotBlank();
        assertThat(value.path("recordedAt").asText()).isEqualTo(headers.get("ce_time"));
        assertThat(value.path("sequence").asLong()).isGreaterThan(JSON.readTree(records.get(0).value()).path("sequence").asLong());
    }

    @Test
    void a_unit_years_profile_is_published_under_its_unit_year_like_its_transactions(Infrastructure infrastructure)
            throws IOException {
        assertThat(api.post("/api/v1/transactions", appropriate("a-" + unit)).status()).isEqualTo(201);
        assertThat(api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile", "{\"functions\":\"职责\"}").status())
                .isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(infrastructure.bootstrapServers(), TOPIC).stream()
                        .filter(record -> record.key().startsWith(unit + ":")).toList(), list -> list.size() == 2);

        // SPEC §5: every event with a unit and a year is keyed "{unit}:{year}", so the profile follows the year's
        // transactions in its partition; the store keeps filing it under its own aggregate (the chain covers that)
        ConsumerRecord<String, byte[]> profile = ofType(records, "UnitYearProfileSet");
        assertThat(profile.key()).isEqualTo(unit + ":2023");
        assertThat(profile.partition()).isEqualTo(ofType(records, "BudgetAppropriated").partition());
        assertThat(jdbc.sql("SELECT aggregateIdentifier FROM ledger.domain_event_entry WHERE eventIdentifier = ?")
                .param(JSON.readTree(profile.value()).path("eventId").asText()).query(String.class).single())
                .isEqualTo(unit + ":2023:profile");
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

    private static ConsumerRecord<String, byte[]> ofType(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(record -> {
            try {
                return JSON.readTree(record.value()).path("type").asText().equals(type);
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).findFirst().orElseThrow();
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
        return Tx.appropriate(id, unit, 2023, "GENERAL_BUDGET", "1000.00");
    }

    private Map<String, Object> pay(String id, String amount) {
        return Tx.pay(id, unit, 2023, "a-" + unit, "30201", amount);
    }
}
