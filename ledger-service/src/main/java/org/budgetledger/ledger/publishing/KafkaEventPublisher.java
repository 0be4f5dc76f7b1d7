package org.budgetledger.ledger.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.budgetledger.platform.settings.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every committed event to the topic, in sequence order, at least once. It reads the event
 * store after its stored position (sound because sequences are handed out in commit order), sends a
 * batch, waits until the broker acknowledged all of it, and only then stores the new position. After a
 * crash, a restart or a broker outage it resumes at the stored position: nothing is skipped, and what
 * was sent but not yet recorded is sent again (consumers are idempotent on {@code sequence}).
 *
 * <p>One publisher runs per database: instances compete for a PostgreSQL advisory lock, and the one
 * that holds it publishes while the others wait. It runs on its own thread ({@link PublishingConfiguration#WORKER}),
 * which the context's close stops after the round in flight.
 */
@Component
@DependsOn("ledgerFlyway")
class KafkaEventPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final long LEADER_LOCK_KEY = 0x4275646765745050L;
    private static final long BACKOFF_MIN_MILLIS = 100;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PlatformSettings.EventTopic topic;
    private final EventRecords records;
    private final LedgerSettings.Publisher settings;
    private final PublishingPace pace;
    private final KafkaAdmin admin;
    private final ProducerFactory<String, byte[]> producers;
    private final String positionKey;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final WorkerLoop loop;
    private volatile long publishedSequence;
    /** Written by the worker thread only; read by health checks. */
    private volatile boolean failing;
    private long backoffMillis = BACKOFF_MIN_MILLIS;

    KafkaEventPublisher(DataSource dataSource, JdbcClient jdbc, ObjectMapper json, PlatformSettings platform,
                        LedgerSettings ledger, KafkaAdmin admin,
                        @Qualifier(PublishingConfiguration.PRODUCERS) ProducerFactory<String, byte[]> producers,
                        @Qualifier(PublishingConfiguration.WORKER) TaskExecutor worker) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.topic = platform.events();
        this.records = new EventRecords(json, topic.topic());
        this.settings = ledger.publisher();
        this.pace = new PublishingPace(settings.idlePollMillis(), settings.gatherMillis(), settings.batchSize());
        this.admin = admin;
        this.producers = producers;
        this.loop = new WorkerLoop(worker, STOP_WAIT);
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
        loop.start(this::run);
    }

    /**
     * Ends the loop after the round in flight and returns once it has ended: the producer factory, a lifecycle
     * bean too, closes its producer after this returns, and a round cut off by that would be published again by
     * the next leader (duplicates on the topic). A round still running after {@link #STOP_WAIT} is interrupted.
     */
    @Override
    public void stop() {
        if (!loop.stop()) {
            log.warn("event=publisher_stop_interrupted topic={} position={}", topic.topic(), publishedSequence);
        }
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }

    private void run() {
        while (loop.running()) {
            try (Connection leadership = dataSource.getConnection()) {
                try {
                    if (tryLead(leadership)) {
                        publishWhileRunning();
                    } else {
                        loop.pause(settings.backoffMaxMillis());
                    }
                } finally {
                    release(leadership);
                }
            } catch (Exception failure) {
                if (loop.running()) {
                    if (!failing) {
                        log.warn("event=publisher_failing topic={} position={} reason=\"{}\"", topic.topic(),
                                publishedSequence, failure.toString());
                        failing = true;
                    }
                    loop.pause(backoffMillis);
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
        // created here, not only at start-up: the broker may have been away then (KafkaAdmin only logs that)
        admin.createOrModifyTopics(topic.newTopic());
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            long position = readPosition();
            publishedSequence = position;
            log.info("event=publisher_started topic={} position={}", topic.topic(), position);
            while (loop.running()) {
                long roundStarted = System.nanoTime();
                List<StoredEvent> batch = readAfter(position);
                if (batch.isEmpty()) {
                    loop.pause(pace.pauseMillisAfter(0, 0));
                    continue;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                for (StoredEvent event : batch) {
                    acks.add(producer.send(records.toRecord(event.envelope(), event.aggregateId(), event.payload(), event.integrity(),
                            event.version())));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                position = batch.get(batch.size() - 1).sequence();
                storePosition(position);
                publishedSequence = position;
                roundSucceeded();
                loop.pause(pace.pauseMillisAfter(batch.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStarted)));
            }
        } finally {
            // each round of leadership has a producer of its own, as after a failure: nothing of the last one is reused
            producers.reset();
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

    private List<StoredEvent> readAfter(long position) {
        return jdbc.sql("SELECT globalIndex, eventIdentifier, aggregateIdentifier, payloadType, payload, recorded_at, previous_hash, hash, "
                        + "payloadRevision FROM " + EventStoreConfiguration.EVENT_TABLE + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?")
                .params(position, settings.batchSize())
                .query((row, index) -> new StoredEvent(row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getBytes(5), row.getTimestamp(6).toInstant(),
                        row.getString(7), row.getString(8), row.getString(9)))
                .list();
    }

    /** One row of the event store, as the publisher reads it. */
    private record StoredEvent(long sequence, String eventId, String aggregateId, String payloadType, byte[] payload,
                               Instant recordedAt, String previousHash, String hash, String revision) {

        /** The version its stored fields have (SPEC §16), which ce_type names; a revision that is no version: 1. */
        int version() {
            try {
                return EventVersions.of(revision);
            } catch (IllegalArgumentException notAVersion) {
                return 1;
            }
        }

        EventEnvelope envelope() {
            return new EventEnvelope(eventId, sequence, payloadType.substring(payloadType.lastIndexOf('.') + 1), recordedAt);
        }

        EventRecords.Integrity integrity() {
            return new EventRecords.Integrity(previousHash, hash);
        }
    }
}
