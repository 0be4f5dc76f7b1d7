package org.budgetledger.projection;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.budgetledger.platform.settings.PlatformSettings;
import org.budgetledger.projection.digests.LedgerDigest;
import org.budgetledger.projection.digests.LedgerDigests;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger's signed digests as the projection receives them (SPEC §16) and the one a report states: the smallest
 * digest whose tree holds the newest event the report's figures were computed from. The digests are sent to the
 * digest topic as the ledger publishes them (GET /api/v1/audit/digest's answer), one of them twice and a record that
 * is no digest among them. Their sequences are far above any event of the other tests and above those of an earlier
 * run on the same database (they grow with the clock), so the choice sees only them.
 */
class LedgerDigestsTest extends ProjectionIntegrationTest {

    private static final long RUN = System.currentTimeMillis() / 1000 * 100;
    private static final long BASE = 7_000_000_000_000L + RUN;
    private static final long TREE = 4_000_000_000_000L + RUN;

    @Autowired
    LedgerDigests digests;
    @Autowired
    PlatformSettings platform;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void publishDigests() throws Exception {
        if (digests.coveringSequence(BASE + 35).filter(digest -> digest.treeSize() == TREE + 25).isPresent()) {
            return;
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.properties().get("spring.kafka.bootstrap-servers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            String topic = platform.digests().topic();
            for (String digest : new String[]{digest(TREE, BASE + 10), digest(TREE + 10, BASE + 20), "{\"treeSize\": \"not a digest\"}",
                    digest(TREE + 10, BASE + 20), digest(TREE + 25, BASE + 35)}) {
                producer.send(new ProducerRecord<>(topic, "key", digest)).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> digests.coveringSequence(BASE + 35).isPresent());
        assertThat(treeSize(BASE + 35)).contains(TREE + 25);
    }

    @Test
    void the_smallest_digest_whose_tree_holds_the_newest_event_is_stated() {
        assertThat(treeSize(BASE)).as("before every digest's newest event: the smallest").contains(TREE);
        assertThat(treeSize(BASE + 10)).as("the newest event of a digest: that digest").contains(TREE);
        assertThat(treeSize(BASE + 11)).as("one after it: the next").contains(TREE + 10);
        assertThat(treeSize(BASE + 20)).contains(TREE + 10);
        assertThat(treeSize(BASE + 21)).contains(TREE + 25);
        assertThat(treeSize(BASE + 35)).as("the largest digest's newest event").contains(TREE + 25);
        assertThat(treeSize(BASE + 36)).as("after every digest: none covers").isEmpty();
    }

    @Test
    void a_digest_received_twice_is_kept_once_as_published() {
        assertThat(jdbc.sql("SELECT count(*) FROM projection.ledger_digest WHERE tree_size = ?").param(TREE + 10).query(Long.class).single())
                .isEqualTo(1);
        LedgerDigest stated = digests.coveringSequence(BASE + 11).orElseThrow();
        assertThat(stated).isEqualTo(new LedgerDigest(TREE + 10, hex(TREE + 10), "2024-03-30T09:15:00.000000Z",
                java.util.Base64.getEncoder().encodeToString(("signature-" + (TREE + 10)).getBytes()), "5d1c0e3f7a2b4c68"));
    }

    private Optional<Long> treeSize(long sequence) {
        return digests.coveringSequence(sequence).map(LedgerDigest::treeSize);
    }

    /** A digest as the ledger publishes it: the answer of GET /api/v1/audit/digest. */
    private static String digest(long treeSize, long sequence) {
        return "{\"treeSize\":" + treeSize + ",\"rootHash\":\"" + hex(treeSize) + "\",\"recordedAt\":\"2024-03-30T09:15:00.000000Z\","
                + "\"signature\":\"" + java.util.Base64.getEncoder().encodeToString(("signature-" + treeSize).getBytes())
                + "\",\"keyId\":\"5d1c0e3f7a2b4c68\",\"sequence\":" + sequence + ",\"hash\":\"" + "0".repeat(64) + "\",\"events\":"
                + treeSize + "}";
    }

    private static String hex(long treeSize) {
        return String.format("%064x", treeSize);
    }
}
