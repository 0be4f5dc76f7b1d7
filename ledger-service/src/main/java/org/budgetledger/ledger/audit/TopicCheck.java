package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.budgetledger.ledger.publishing.PublicationPosition;
import org.budgetledger.contracts.wire.TopicHistory;
import org.budgetledger.platform.settings.PlatformSettings;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks that the topic holds exactly the stored history: every event the publisher has confirmed is on the
 * topic with the same id and hash, and the topic holds nothing the store does not (duplicates are allowed:
 * publishing is at least once). Replays read the topic, so this is what makes a replay a check of the store.
 */
@Component
class TopicCheck {

    static final int LISTED_MAX = 20;

    @Schema(name = "TopicCheckResult")
    record Result(boolean ok, long storedEvents, long publishedSequence, long pendingEvents, long topicRecords,
                  long duplicates, List<Long> missingOnTopic, List<Long> unknownOnTopic, List<Long> differing) {
    }

    private record OnTopic(String eventId, String hash) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final KafkaProperties kafka;
    private final SslBundles sslBundles;
    private final String topic;

    TopicCheck(JdbcClient jdbc, ObjectMapper json, KafkaProperties kafka, SslBundles sslBundles,
               PlatformSettings platform) {
        this.jdbc = jdbc;
        this.json = json;
        this.kafka = kafka;
        this.sslBundles = sslBundles;
        this.topic = platform.events().topic();
    }

    Result run() {
        // this topic's position only: a restore onto a new topic keeps the old topic's row (docs/OPERATIONS.md)
        long published = jdbc.sql("SELECT coalesce(max(last_sequence), 0) FROM ledger.publication_position WHERE publisher = ?")
                .param(PublicationPosition.key(topic))
                .query(Long.class).single();
        Map<Long, OnTopic> onTopic = new HashMap<>();
        long[] records = {0, 0};
        List<Long> unknown = new ArrayList<>();
        try (TopicHistory history = new TopicHistory(kafka.buildConsumerProperties(sslBundles), topic)) {
            history.readAll(batch -> {
                for (ConsumerRecord<String, byte[]> record : batch) {
                    records[0]++;
                    JsonNode value = read(record.value());
                    long sequence = value.path("sequence").asLong();
                    if (onTopic.put(sequence, new OnTopic(value.path("eventId").asText(), value.path("hash").asText())) != null) {
                        records[1]++;
                    }
                }
            });
        }
        List<Long> missing = new ArrayList<>();
        List<Long> differing = new ArrayList<>();
        long[] stored = {0, 0};
        jdbc.sql("SELECT globalIndex, eventIdentifier, hash FROM " + EventStoreConfiguration.EVENT_TABLE + " ORDER BY globalIndex")
                .query(row -> {
                    long sequence = row.getLong(1);
                    stored[0]++;
                    OnTopic found = onTopic.remove(sequence);
                    if (found == null) {
                        if (sequence <= published) {
                            add(missing, sequence);
                        } else {
                            stored[1]++;
                        }
                    } else if (!found.eventId().equals(row.getString(2))
                            || (row.getString(3) != null && !row.getString(3).equals(found.hash()))) {
                        add(differing, sequence);
                    }
                });
        onTopic.keySet().stream().sorted().limit(LISTED_MAX).forEach(unknown::add);
        boolean ok = missing.isEmpty() && differing.isEmpty() && onTopic.isEmpty();
        return new Result(ok, stored[0], published, stored[1], records[0], records[1], missing, unknown, differing);
    }

    /** Where the store first differs from what was published: the stored event there (null when it is gone), and how. */
    record Difference(long sequence, String storedEventId, String problem) {
    }

    /**
     * The first sequence up to {@code upToSequence} at which the store holds another event than the topic, or none where
     * the topic holds one: the witness outside the database of what each event was when it was published (SPEC §16:
     * what names the first changed event when the history was rewritten together with its Merkle tree). Sequences the
     * topic does not hold (not published yet) are no evidence.
     */
    Optional<Difference> firstDifference(long upToSequence) {
        TreeMap<Long, OnTopic> published = new TreeMap<>();
        try (TopicHistory history = new TopicHistory(kafka.buildConsumerProperties(sslBundles), topic)) {
            history.readAll(batch -> {
                for (ConsumerRecord<String, byte[]> record : batch) {
                    JsonNode value = read(record.value());
                    long sequence = value.path("sequence").asLong();
                    if (sequence > 0 && sequence <= upToSequence) {
                        published.put(sequence, new OnTopic(value.path("eventId").asText(), value.path("hash").asText()));
                    }
                }
            });
        }
        Difference[] first = {null};
        jdbc.sql("SELECT globalIndex, eventIdentifier, hash FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE globalIndex <= ? ORDER BY globalIndex").param(upToSequence)
                .query(row -> {
                    long sequence = row.getLong(1);
                    if (first[0] != null) {
                        return;
                    }
                    Map.Entry<Long, OnTopic> gone = published.firstEntry();
                    if (gone != null && gone.getKey() < sequence) {
                        first[0] = new Difference(gone.getKey(), null, "event " + gone.getValue().eventId() + " was published at "
                                + "sequence " + gone.getKey() + " and is no longer stored: deleted");
                        return;
                    }
                    OnTopic found = published.remove(sequence);
                    if (found != null && (!found.eventId().equals(row.getString(2)) || !found.hash().equals(row.getString(3)))) {
                        first[0] = new Difference(sequence, row.getString(2), "is not the event published at its sequence (event "
                                + found.eventId() + ", hash " + found.hash() + "): changed, moved or inserted");
                    }
                });
        if (first[0] == null && !published.isEmpty()) {
            Map.Entry<Long, OnTopic> gone = published.firstEntry();
            first[0] = new Difference(gone.getKey(), null, "event " + gone.getValue().eventId() + " was published at sequence "
                    + gone.getKey() + " and is no longer stored: deleted");
        }
        return Optional.ofNullable(first[0]);
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (IOException unreadable) {
            return json.createObjectNode().put("sequence", -1);
        }
    }

    private static void add(List<Long> listed, long sequence) {
        if (listed.size() < LISTED_MAX) {
            listed.add(sequence);
        }
    }
}
