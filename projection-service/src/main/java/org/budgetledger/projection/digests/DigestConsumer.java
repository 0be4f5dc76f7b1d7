package org.budgetledger.projection.digests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.platform.settings.PlatformSettings;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the ledger's signed digests ({@code budgetledger.digests.topic}, SPEC §16) into {@link LedgerDigests},
 * in a consumer group of its own ({@code budgetledger.projection.group-id} + {@code .digests}); offsets are committed
 * after the batch is stored, and a redelivered digest is stored once. A record that is no digest is logged and left
 * out: it cannot be stated, and the digests after it still can.
 */
@Component
class DigestConsumer {

    static final String LISTENER_ID = "ledger-digests";

    private static final Logger log = LoggerFactory.getLogger(DigestConsumer.class);

    private final LedgerDigests digests;
    private final ObjectMapper json;
    private final String topic;
    private final String groupId;

    DigestConsumer(LedgerDigests digests, ObjectMapper json, PlatformSettings platform, ProjectionSettings settings) {
        this.digests = digests;
        this.json = json;
        this.topic = platform.digests().topic();
        this.groupId = settings.projection().groupId() + ".digests";
    }

    /** {@code budgetledger.digests.topic}, for the listener below ({@code __listener} is this bean). */
    public String topic() {
        return topic;
    }

    public String groupId() {
        return groupId;
    }

    /**
     * A digest every {@code budgetledger.integrity.digest-interval} at most: nothing to gather, so this consumer keeps
     * Kafka's own fetch settings instead of the event consumer's ({@code spring.kafka.consumer.fetch-*}), under which
     * an idle consumer would ask the broker fifty times a second.
     */
    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic()}", groupId = "#{__listener.groupId()}",
            properties = {ConsumerConfig.FETCH_MIN_BYTES_CONFIG + "=" + ConsumerConfig.DEFAULT_FETCH_MIN_BYTES,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG + "=" + ConsumerConfig.DEFAULT_FETCH_MAX_WAIT_MS})
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        List<LedgerDigests.Received> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                received.add(read(json.readTree(record.value())));
            } catch (IOException | IllegalArgumentException | NullPointerException notADigest) {
                log.warn("event=digest_unreadable topic={} partition={} offset={} reason=\"{}\"", record.topic(), record.partition(),
                        record.offset(), notADigest.toString());
            }
        }
        digests.store(received);
        received.forEach(each -> log.info("event=digest_received tree_size={} root_hash={} key_id={}", each.digest().treeSize(),
                each.digest().rootHash(), each.digest().keyId()));
    }

    /** The digest as {@code GET /api/v1/audit/digest} answers it; {@code sequence} is its newest event's. */
    static LedgerDigests.Received read(JsonNode digest) {
        LedgerDigest read = new LedgerDigest(required(digest, "treeSize").longValue(), required(digest, "rootHash").textValue(),
                required(digest, "recordedAt").textValue(), required(digest, "signature").textValue(), required(digest, "keyId").textValue());
        if (read.rootHash() == null || !read.rootHash().matches("[0-9a-f]{64}") || read.recordedAt() == null || read.signature() == null
                || read.keyId() == null) {
            throw new IllegalArgumentException("not a digest: " + digest);
        }
        return new LedgerDigests.Received(read, required(digest, "sequence").longValue());
    }

    private static JsonNode required(JsonNode digest, String field) {
        JsonNode value = digest.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a digest without " + field);
        }
        return value;
    }
}
