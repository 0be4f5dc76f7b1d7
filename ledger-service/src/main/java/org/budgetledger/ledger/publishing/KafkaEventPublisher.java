package org.budgetledger.ledger.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes every committed event to the topic, in sequence order, at least once. It reads the event
 * store after its stored position (sound because sequences are handed out in commit order), sends a
 * batch, waits until the broker acknowledged all of it, and only then stores the new position. After a
 * crash, a restart or a broker outage it resumes at the stored position: nothing is skipped, and what
 * was sent but not yet recorded is sent again (consumers are idempotent on {@code sequence}).
 *
 * <p>One publisher runs per database: instances compete for a PostgreSQL advisory lock, and the one
 * that holds it publishes while the others wait.
 */
@Component
@DependsOn("ledgerFlyway")
class KafkaEventPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final long LEADER_LOCK_KEY = 0x4275646765745050L;
    private static final long BACKOFF_MIN_MILLIS = 100;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TopicSettings topic;
    private final PublisherSettings settings;
    private final String bootstrapServers;
    private final String positionKey;
    private volatile boolean running;
    private volatile long publishedSequence;
    /** Written by the worker thread only; read by health checks. */
    private volatile boolean failing;
    private long backoffMillis = BACKOFF_MIN_MILLIS;
    private Thread worker;

    KafkaEventPublisher(DataSource dataSource, JdbcClient jdbc, ObjectMapper json, TopicSettings topic,
                        PublisherSettings settings,
                        @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.topic = topic;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.positionKey = PublicationPosition.key(topic.topic());
    }

    /** The sequence up to which every event is known to be on the topic. */
    long publishedSequence() {
        return publishedSequence;
    }

    /** Whether the last attempt to publish failed (broker or database unreachable). */
    boolean failing() {
        return failing;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "event-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker == null) {
            return;
        }
        try {
            // a round in flight finishes (its acknowledgements and position); only a stuck one is interrupted
            worker.join(Duration.ofSeconds(10).toMillis());
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(5).toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection leadership = dataSource.getConnection()) {
                try {
                    if (tryLead(leadership)) {
                        publishWhileRunning();
                    } else {
                        pause(settings.backoffMaxMillis());
                    }
                } finally {
                    release(leadership);
                }
            } catch (Exception failure) {
                if (running) {
                    if (!failing) {
                        log.warn("event=publisher_failing topic={} position={} reason=\"{}\"", topic.topic(),
                                publishedSequence, failure.toString());
                        failing = true;
                    }
                    pause(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, settings.backoffMaxMillis());
                }
            }
        }
    }

    private void roundSucceeded() {
        if (failing) {
            log.info("event=publisher_recovered topic={} position={}", topic.topic(), publishedSequence);
            failing = false;
        }
        backoffMillis = BACKOFF_MIN_MILLIS;
    }

    private void publishWhileRunning() throws Exception {
        ensureTopic();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            CloudEventRecords records = new CloudEventRecords(json, topic.topic());
            long position = readPosition();
            publishedSequence = position;
            log.info("event=publisher_started topic={} position={}", topic.topic(), position);
            while (running) {
                List<CloudEventRecords.StoredEvent> batch = readAfter(position);
                if (batch.isEmpty()) {
                    pause(settings.idlePollMillis());
                    continue;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                for (CloudEventRecords.StoredEvent event : batch) {
                    acks.add(producer.send(records.toRecord(event)));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                position = batch.get(batch.size() - 1).sequence();
                storePosition(position);
                publishedSequence = position;
                roundSucceeded();
            }
        }
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LEADER_LOCK_KEY);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** The connection goes back to the pool: it must not keep the session-level lock. */
    private static void release(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException brokenConnectionLosesTheLockAnyway) {
            // a broken session holds no lock
        }
    }

    private void ensureTopic() throws InterruptedException, ExecutionException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            if (admin.listTopics().names().get().contains(topic.topic())) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic.topic(), topic.partitions(), topic.replicationFactor())
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
            try {
                admin.createTopics(List.of(newTopic)).all().get();
                log.info("event=topic_created topic={} partitions={} retention=infinite", topic.topic(), topic.partitions());
            } catch (ExecutionException failed) {
                if (!(failed.getCause() instanceof TopicExistsException)) {
                    throw failed;
                }
            }
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotence keeps each partition in send order across the producer's own retries
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return properties;
    }

    private long readPosition() {
        return jdbc.sql("SELECT last_sequence FROM ledger.publication_position WHERE publisher = ?")
                .param(positionKey).query(Long.class).optional().orElse(0L);
    }

    private void storePosition(long sequence) {
        jdbc.sql("""
                        INSERT INTO ledger.publication_position (publisher, last_sequence) VALUES (?, ?)
                        ON CONFLICT (publisher) DO UPDATE SET last_sequence = excluded.last_sequence""")
                .params(positionKey, sequence).update();
    }

    private List<CloudEventRecords.StoredEvent> readAfter(long position) {
        return jdbc.sql("SELECT globalIndex, eventIdentifier, aggregateIdentifier, payloadType, payload, recorded_at, previous_hash, hash FROM "
                        + EventStoreConfiguration.EVENT_TABLE + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?")
                .params(position, settings.batchSize())
                .query((row, index) -> new CloudEventRecords.StoredEvent(row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getBytes(5), row.getTimestamp(6).toInstant(),
                        row.getString(7), row.getString(8)))
                .list();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
