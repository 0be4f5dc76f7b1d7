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
    void the_topic_is_checked_against_the_store_and_a_record_the_store_never_had_is_named(Infrastructure infrastructure)
            throws Exception {
        // other tests of this run tamper with the store on purpose (and the publisher publishes what they forge):
        // what counts here is that a new transaction adds no problem and a foreign record is found
        JsonNode before = api().postRaw("/api/v1/audit/topic-check", "").body();
        String unit = newUnit("K");
        api().post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1.00"));
        long newest = api().get("/api/v1/audit/digest").body().path("sequence").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api().postRaw("/api/v1/audit/topic-check", "").body().path("publishedSequence").asLong() >= newest);

        JsonNode after = api().postRaw("/api/v1/audit/topic-check", "").body();
        // the unit's registration (SPEC §12) and the appropriation
        assertThat(after.path("storedEvents").asLong()).isEqualTo(before.path("storedEvents").asLong() + 2);
        assertThat(after.path("missingOnTopic")).isEqualTo(before.path("missingOnTopic"));
        assertThat(after.path("unknownOnTopic")).isEqualTo(before.path("unknownOnTopic"));
        assertThat(after.path("differing")).isEqualTo(before.path("differing"));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", infrastructure.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("budget-ledger.events", unit + ":2023",
                    "{\"sequence\":987654321,\"eventId\":\"forged\",\"hash\":\"x\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode forged = api().postRaw("/api/v1/audit/topic-check", "").body();
        assertThat(forged.path("ok").asBoolean()).isFalse();
        assertThat(forged.path("unknownOnTopic").toString()).contains("987654321");
    }

    @Test
    void only_this_topic_s_publishing_position_counts_not_one_left_from_another_topic() {
        // what a restore onto a new topic leaves behind: the old topic's position, far ahead of the new one's
        superuser.sql("INSERT INTO ledger.publication_position (publisher, last_sequence) VALUES ('kafka:an-older-topic', 1000000000000)")
                .update();
        try {
            long own = jdbc.sql("SELECT last_sequence FROM ledger.publication_position WHERE publisher = 'kafka:budget-ledger.events'")
                    .query(Long.class).single();

            JsonNode check = api().postRaw("/api/v1/audit/topic-check", "").body();

            assertThat(check.path("publishedSequence").asLong()).isBetween(own, 999_999_999_999L);
        } finally {
            superuser.sql("DELETE FROM ledger.publication_position WHERE publisher = 'kafka:an-older-topic'").update();
        }
    }
}
