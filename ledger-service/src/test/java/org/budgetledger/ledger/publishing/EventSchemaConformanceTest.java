package org.budgetledger.ledger.publishing;

import org.budgetledger.ledger.LedgerIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real published messages, one of every event type, validate against the schemas in {@code contracts}. */
class EventSchemaConformanceTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void every_published_event_matches_the_schema_of_its_type(Infrastructure infrastructure) throws IOException {
        HttpApi api = api();
        // the registers' events (SPEC §12): a unit under a parent, its change, a catalog code
        String parent = newUnit("SP");
        String unit = "S" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/units", Map.of("code", unit, "name", "测试单位", "parent", parent, "type", "PUBLIC_SERVICE_1"))
                .status()).isEqualTo(201);
        assertThat(api.send("PATCH", "/api/v1/units/" + unit, "{\"name\":\"新名称\",\"type\":\"PUBLIC_SERVICE_2\",\"effective\":\"2023-12-01\"}")
                .status()).isEqualTo(200);
        String subject = unusedSubject();
        assertThat(api.post("/api/v1/catalog/subjects", Map.of("code", subject, "name", "新增项")).status()).isEqualTo(201);
        List<Map<String, Object>> history = List.of(
                Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"),
                Tx.appropriate("a2" + unit, unit, 2023, "GENERAL_BUDGET", "10.00"),
                Tx.of("ADJUST", "j1" + unit, unit, 2023, "2023-03-01", "line", "a1" + unit, "amount", "-1.00", "reason", "调减"),
                Tx.of("TRANSFER", "t1" + unit, unit, 2023, "2023-03-01", "from", "a1" + unit, "to", "a2" + unit, "amount", "1.00", "reason", "调剂"),
                Tx.of("PAY", "p1" + unit, unit, 2023, "2023-04-01", "line", "a1" + unit, "economic", "30201", "amount", "100.00",
                        "payee", "某公司", "method", "DIRECT", "memo", "办公用品", "voucher", "记-001"),
                Tx.of("REFUND", "r1" + unit, unit, 2023, "2023-05-01", "payment", "p1" + unit, "amount", "10.00"),
                Tx.of("RECEIVE", "i1" + unit, unit, 2023, "2023-05-01", "fund", "OTHER", "subject", "2140199", "amount", "0.07"),
                Tx.of("OPENING_BALANCE", "o1" + unit, unit, 2023, "2023-01-01", "fund", "GENERAL_BUDGET", "subject", "2140199",
                        "kind", "PROJECT", "project", "业务工作经费", "amount", "50.00"),
                Tx.of("USE_RESERVE", "u1" + unit, unit, 2023, "2023-05-01", "fund", "OTHER", "subject", "2140199", "amount", "8.29"),
                Tx.of("DISTRIBUTE_SURPLUS", "d1" + unit, unit, 2023, "2023-12-01", "fund", "OTHER", "subject", "2140199", "amount", "1.00"),
                Tx.of("SET_LIMIT", "l1" + unit, unit, 2023, "2023-01-01", "category", "RECEPTION", "amount", "3.00"),
                // SPEC §14: a commitment with its schedule, a payment under it, a release; what is open is carried over
                Tx.of("COMMIT", "k1" + unit, unit, 2023, "2023-04-01", "line", "a1" + unit, "amount", "300.00",
                        "contract", "HT-001", "payee", "某公司", "schedule", List.of(Map.of("date", "2023-05-01", "amount", "100.00"),
                                Map.of("date", "2023-11-01", "amount", "200.00"))),
                Tx.of("PAY", "p2" + unit, unit, 2023, "2023-05-01", "line", "a1" + unit, "economic", "30201", "amount", "100.00",
                        "commitment", "k1" + unit),
                Tx.of("RELEASE", "k1r" + unit, unit, 2023, "2023-06-01", "commitment", "k1" + unit, "amount", "50.00"),
                Tx.of("CARRY_OVER", "c1" + unit, unit, 2023, null));
        for (Map<String, Object> transaction : history) {
            assertThat(api.post("/api/v1/transactions", transaction).status()).as(transaction.toString()).isEqualTo(201);
        }

        // a unit-year's disclosure data (SPEC §15): its profile and last year's tables
        assertThat(api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile", "{\"functions\":\"职责\","
                + "\"assets\":{\"vehicles\":{\"total\":1,\"byType\":{\"OTHER\":1}},\"equipmentOver1m\":4},"
                + "\"performance\":[{\"project\":\"业务工作经费\",\"score\":86.5}],\"explanations\":{\"a_reason\":\"原因\"}}")
                .status()).isEqualTo(200);
        assertThat(api.postFiles("/api/v1/units/" + unit + "/years/2023/reference", Map.of("T09.csv",
                ("kind,total,abroad,vehicle_subtotal,vehicle_purchase,vehicle_operation,reception\n"
                        + "actual,2.01,,1.60,0.00,1.60,0.41\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))).status())
                .isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.readAll(infrastructure.bootstrapServers(), "budget-ledger.events").stream()
                        .filter(record -> record.key().startsWith(unit + ":") || record.key().equals(unit)
                                || (record.key().equals("catalog:SUBJECTS") && codeOf(record).equals(subject))).toList(),
                list -> list.size() == 22);

        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            Set<ValidationMessage> errors = schema(value.path("type").asText()).validate(value);
            assertThat(errors).as("%s %s", value.path("type").asText(), value).isEmpty();
        }
        Set<String> types = records.stream().map(record -> {
            try {
                return JSON.readTree(record.value()).path("type").asText();
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(EventTypes.names());
        assertThat(records.stream().map(record -> {
            try {
                return JSON.readTree(record.value());
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).filter(value -> value.path("type").asText().equals("PaymentMade")).map(value -> value.path("commitment").asText(null)))
                .as("a payment under a commitment names it; one under none has no such field").containsExactlyInAnyOrder(null, "k1" + unit);
        // and the schemas do reject: a payment without its fields is not a PaymentMade
        assertThat(schema("PaymentMade").validate(JSON.readTree("{\"type\":\"PaymentMade\",\"amount\":1.5}"))).isNotEmpty();
    }

    @Test
    void events_of_internal_flows_with_their_counterparty_match_their_schemas(Infrastructure infrastructure) throws IOException {
        HttpApi api = api();
        String payer = newUnit("S");
        String receiver = newUnit("S");
        Map<String, Object> line = Tx.appropriate("s1", payer, 2023, "OTHER", "100.00");
        line.put("kind", "REMIT_SUPERIOR");
        List<Map<String, Object>> history = List.of(line,
                Tx.of("PAY", "p1", payer, 2023, "2023-04-01", "line", "s1", "economic", "39999", "amount", "30.00",
                        "counterparty", receiver),
                Tx.of("REFUND", "r1", payer, 2023, "2023-05-01", "payment", "p1", "amount", "10.00"),
                Tx.of("RECEIVE", "i1", receiver, 2023, "2023-04-01", "fund", "AFFILIATE", "subject", "2140199",
                        "amount", "30.00", "counterparty", payer));
        for (Map<String, Object> transaction : history) {
            assertThat(api.post("/api/v1/transactions", transaction).status()).as(transaction.toString()).isEqualTo(201);
        }

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.readAll(infrastructure.bootstrapServers(), "budget-ledger.events").stream()
                        .filter(record -> record.key().startsWith(payer + ":") || record.key().startsWith(receiver + ":"))
                        .toList(),
                list -> list.size() == 4);

        int carrying = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            carrying += value.has("counterparty") ? 1 : 0;
            assertThat(schema(value.path("type").asText()).validate(value)).as("%s", value).isEmpty();
        }
        assertThat(carrying).as("PaymentMade, PaymentRefunded, IncomeReceived").isEqualTo(3);
    }

    private static String codeOf(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).path("code").asText();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static JsonSchema schema(String eventName) throws IOException {
        try (InputStream in = EventTypes.class.getResourceAsStream("/schemas/events/" + eventName + ".schema.json")) {
            assertThat(in).as("schema of " + eventName).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
