package org.budgetledger.ledger.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.budgetledger.ledger.evidence.DigestLog;
import org.budgetledger.ledger.evidence.Digests;
import org.budgetledger.ledger.evidence.SignedDigest;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.budgetledger.platform.settings.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.task.TaskExecutor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's signed digests on the digest topic (SPEC §16), for the projection to state in its tables and
 * publications: every {@code budgetledger.integrity.digest-interval} it signs a digest of the tree when the tree grew
 * since the largest one signed (reads only: no lock an append waits on), and every second it publishes what
 * {@link DigestLog} holds unpublished (those signed here, and those {@code GET /api/v1/audit/digest} answered), as the
 * JSON that endpoint answers, keyed by the tree size. At least once: a digest is marked published only after the
 * broker acknowledged it, and one that failed is sent again on the next round (the projection keeps each once).
 * Several instances may each sign and publish: the same tree size under the same key is the same digest.
 */
@Component
@DependsOn("ledgerFlyway")
class DigestPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestPublisher.class);
    private static final long ROUND_MILLIS = 1000;
    private static final int BATCH = 100;
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Digests digests;
    private final DigestLog signed;
    private final ObjectMapper json;
    private final PlatformSettings platform;
    private final Duration interval;
    private final KafkaAdmin admin;
    private final ProducerFactory<String, byte[]> producers;

    private final WorkerLoop loop;
    private boolean topicCreated;
    private boolean failing;
    private long nextSignNanos;

    DigestPublisher(Digests digests, DigestLog signed, ObjectMapper json, PlatformSettings platform, LedgerSettings ledger,
                    KafkaAdmin admin, @Qualifier(PublishingConfiguration.PRODUCERS) ProducerFactory<String, byte[]> producers,
                    @Qualifier(PublishingConfiguration.DIGEST_WORKER) TaskExecutor worker) {
        this.digests = digests;
        this.signed = signed;
        this.json = json;
        this.platform = platform;
        this.interval = ledger.integrity().digestInterval();
        this.admin = admin;
        this.producers = producers;
        this.loop = new WorkerLoop(worker, STOP_WAIT);
    }

    @Override
    public void start() {
        nextSignNanos = System.nanoTime() + interval.toNanos();
        loop.start(this::run);
    }

    /** Ends the loop after the round in flight (the producer factory closes its producer after this returns). */
    @Override
    public void stop() {
        if (!loop.stop()) {
            log.warn("event=digest_publisher_stop_interrupted topic={}", platform.digests().topic());
        }
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }

    private void run() {
        while (loop.running()) {
            if (System.nanoTime() - nextSignNanos >= 0) {
                nextSignNanos = System.nanoTime() + interval.toNanos();
                signIfGrown();
            }
            try {
                publishPending();
                if (failing) {
                    log.info("event=digest_publisher_recovered topic={}", platform.digests().topic());
                    failing = false;
                }
            } catch (Exception failure) {
                if (loop.running() && !failing) {
                    // one line per failing streak; every round retries what is still unpublished
                    log.warn("event=digest_publish_failed topic={} reason=\"{}\"", platform.digests().topic(), failure.toString());
                    failing = true;
                }
            }
            loop.pause(ROUND_MILLIS);
        }
    }

    private void signIfGrown() {
        try {
            digests.signIfGrown().ifPresent(digest -> log.info("event=digest_signed tree_size={} root_hash={} key_id={} by=schedule",
                    digest.treeSize(), digest.rootHash(), digest.keyId()));
        } catch (RuntimeException failure) {
            // a store that lacks an event of its tree (verify names it), or the database away: tried again next interval
            log.warn("event=digest_signing_failed reason=\"{}\"", failure.toString());
        }
    }

    private void publishPending() throws Exception {
        List<SignedDigest> pending = signed.unpublished(BATCH);
        if (pending.isEmpty()) {
            return;
        }
        if (!topicCreated) {
            // created here too, not only at start-up: the broker may have been away then (KafkaAdmin only logs that)
            admin.createOrModifyTopics(platform.digestTopic());
            topicCreated = true;
        }
        String topic = platform.digests().topic();
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
            for (SignedDigest digest : pending) {
                acks.add(producer.send(new ProducerRecord<>(topic, Long.toString(digest.treeSize()), json.writeValueAsBytes(digest))));
            }
            producer.flush();
            for (int index = 0; index < pending.size(); index++) {
                acks.get(index).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                SignedDigest digest = pending.get(index);
                signed.published(digest);
                log.info("event=digest_published topic={} tree_size={} root_hash={} key_id={}", topic, digest.treeSize(),
                        digest.rootHash(), digest.keyId());
            }
        }
    }

}
