package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopicCheckTest extends LedgerIntegrationTest {

    @Test
    void the_topic_holds_exactly_the_stored_history_until_someone_writes_to_it(Infrastructure infrastructure) throws Exception {
        String unit = newUnit("K");
        api().post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1.00"));
        long newest = api().get("/api/v1/audit/digest").body().path("sequence").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api().postRaw("/api/v1/audit/topic-check", "").body().path("publishedSequence").asLong() >= newest);

        JsonNode clean = api().postRaw("/api/v1/audit/topic-check", "").body();
        assertThat(clean.path("ok").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("storedEvents").asLong()).isGreaterThanOrEqualTo(1);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", infrastructure.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("budget-ledger.events", unit + ":2023",
                    "{\"sequence\":987654321,\"eventId\":\"forged\",\"hash\":\"x\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode forged = api().postRaw("/api/v1/audit/topic-check", "").body();
        assertThat(forged.path("ok").asBoolean()).isFalse();
        assertThat(forged.path("unknownOnTopic").get(0).asLong()).isEqualTo(987654321L);
    }
}
