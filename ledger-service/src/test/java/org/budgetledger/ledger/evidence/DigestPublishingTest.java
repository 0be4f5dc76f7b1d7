package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §16, issue #22 item 6: the ledger signs a digest on its own every {@code budgetledger.integrity.digest-interval}
 * when the tree grew, keeps every digest it signs, and publishes each to the digest topic as exactly what
 * {@code GET /api/v1/audit/digest} answers for that tree size (for the projection to state it).
 */
@TestPropertySource(properties = "budgetledger.integrity.digest-interval=PT1S")
class DigestPublishingTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_scheduled_signer_signs_the_grown_tree_and_every_digest_signed_is_published_as_answered() throws Exception {
        newUnit("DP");
        long size = jdbc.sql("SELECT max(position) + 1 FROM ledger.merkle_leaf").query(Long.class).single();

        // nobody asks for a digest: the scheduled signer signs one that holds the new event, and it is published
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM ledger.signed_digest WHERE tree_size >= ? "
                + "AND published_at IS NOT NULL").param(size).query(Long.class).single() > 0);
        long signed = jdbc.sql("SELECT min(tree_size) FROM ledger.signed_digest WHERE tree_size >= ?").param(size).query(Long.class).single();
        JsonNode answered = api().get("/api/v1/audit/digest?treeSize=" + signed).body();
        assertThat(published(signed)).isEqualTo(answered);

        // one GET /api/v1/audit/digest answers is published too
        newUnit("DQ");
        JsonNode asked = api().get("/api/v1/audit/digest").body();
        await().atMost(Duration.ofSeconds(60)).until(() -> published(asked.path("treeSize").asLong()) != null);
        assertThat(published(asked.path("treeSize").asLong())).isEqualTo(asked);
    }

    /** The digest of that tree size on the digest topic (keyed by its tree size), or null. */
    private static JsonNode published(long treeSize) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.properties().get("spring.kafka.bootstrap-servers"));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "digest-publishing-test-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of("budget-ledger.digests"));
            JsonNode found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean endReached = false;
            while (!endReached && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    if (record.key().equals(Long.toString(treeSize))) {
                        found = JSON.readTree(record.value());
                    }
                }
                endReached = !consumer.assignment().isEmpty() && consumer.assignment().stream()
                        .allMatch(partition -> consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition));
            }
            return found;
        }
    }
}
