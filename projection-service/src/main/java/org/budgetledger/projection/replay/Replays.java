package org.budgetledger.projection.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.platform.jdbc.SchemaOwner;
import org.budgetledger.platform.settings.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SPEC §8 replays: the whole history, read from the topic's first offset, rebuilt into a scratch schema
 * (same migrations as the live read model; day sums and commitments only, see {@link ReadModelWriter#daySumsOnly})
 * while the live projection keeps serving ({@link TopicLoading}); then every table of every unit-year compared cell
 * by cell, and every commitment ({@link ScratchComparison}). One replay at a time, the others waiting their turn;
 * states are kept in memory (a restart forgets them) and the scratch schema is dropped when the replay ends.
 */
@Service
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    /**
     * Replays that may wait for their turn. A replay of a million events takes about ten seconds here, so a
     * full queue is a few minutes of work; more would only keep auditors waiting without telling them.
     */
    public static final int WAITING_MAX = 8;

    @Schema(name = "ReplayRequest")
    public record Request(String unit, Integer year, Instant knownAt) {
    }

    private final DataSource dataSource;
    private final SchemaOwner owner;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TopicLoading loading;
    private final ScratchComparison comparison;
    /** The threads ({@link ReplayThreads}): the replays one at a time; parsers and comparers (the reader's: {@link TopicLoading}). */
    private final AsyncTaskExecutor worker;
    private final AsyncTaskExecutor helpers;
    private final Map<String, Replay> finished = new ConcurrentHashMap<>();
    private final AtomicReference<ReplayInProgress> running = new AtomicReference<>();
    /** Replays asked for and not yet started, oldest first; guarded by this. */
    private final List<ReplayInProgress> waiting = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());

    Replays(DataSource dataSource, SchemaOwner owner, JdbcClient jdbc, TransactionTemplate transactions, FactQueries live,
            MonitoringQueries liveCommitments, ObjectMapper json,
            MeterRegistry meters,
            KafkaProperties kafka, SslBundles sslBundles,
            PlatformSettings platform,
            @Qualifier("replayWorker") AsyncTaskExecutor worker, @Qualifier("replayHelpers") AsyncTaskExecutor helpers,
            @Qualifier("replayReader") AsyncTaskExecutor reader) {
        this.worker = worker;
        this.helpers = helpers;
        this.dataSource = dataSource;
        this.owner = owner;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.loading = new TopicLoading(reader, new EventValueReader(json), kafka.buildConsumerProperties(sslBundles),
                platform.events().topic());
        this.comparison = new ScratchComparison(jdbc, live, liveCommitments);
        Gauge.builder("budgetledger.replay.processed", running, current -> current.get() == null ? 0 : current.get().processed())
                .description("records the running replay has read (0 when none runs)").register(meters);
        Gauge.builder("budgetledger.replay.total", running, current -> current.get() == null ? 0 : current.get().total())
                .description("records the running replay will read").register(meters);
    }

    /**
     * Starts a replay, or queues it behind the ones before it: replays run one at a time (each reads the whole
     * topic and keeps both cores busy), in the order they were asked for. A full queue answers 409 without
     * naming anyone's replay: a replay belongs to the auditor of its units alone.
     */
    public synchronized Replay start(Request request) {
        if (waiting.size() >= WAITING_MAX) {
            throw new ApiProblem(ProblemCode.REPLAY_RUNNING, WAITING_MAX + " replays are waiting already; ask again when"
                    + " one of them has finished");
        }
        ReplayInProgress replay = new ReplayInProgress("r" + ids.incrementAndGet(), request.unit(), request.year(),
                request.knownAt() == null ? Instant.now() : request.knownAt());
        waiting.add(replay);
        worker.submit(() -> {
            begin(replay);
            run(replay);
        });
        log.info("event=replay_queued id={} unit={} year={} known_at={} waiting={}", replay.id(), replay.unit(),
                replay.year(), replay.knownAt(), waiting.size());
        return Replay.waiting(replay, waiting.size());
    }

    public synchronized Optional<Replay> find(String id) {
        ReplayInProgress current = running.get();
        if (current != null && current.id().equals(id)) {
            return Optional.of(Replay.running(current));
        }
        for (int index = 0; index < waiting.size(); index++) {
            if (waiting.get(index).id().equals(id)) {
                return Optional.of(Replay.waiting(waiting.get(index), index + 1));
            }
        }
        return Optional.ofNullable(finished.get(id));
    }

    private synchronized void begin(ReplayInProgress replay) {
        waiting.remove(replay);
        replay.startedAt(Instant.now());
        running.set(replay);
        log.info("event=replay_started id={} unit={} year={} known_at={}", replay.id(), replay.unit(), replay.year(),
                replay.knownAt());
    }

    private void run(ReplayInProgress replay) {
        String schema = "replay_" + replay.id();
        // this replay's tasks on the shared helpers: cancelled when it ends, as a failure leaves some undone
        ReplayTasks tasks = new ReplayTasks(helpers);
        try {
            ReadModelWriter scratch = createScratch(schema);
            loading.load(replay, scratch, tasks);
            log.info("event=replay_loaded id={} processed={} millis={}", replay.id(), replay.processed(),
                    Duration.between(replay.startedAt(), Instant.now()).toMillis());
            ReadModelDiff.Outcome compared = comparison.compare(replay, schema, tasks);
            finish(replay, "SUCCEEDED", compared.count() == 0, (int) compared.count(), compared.differences(), null);
        } catch (RuntimeException failed) {
            log.error("event=replay_failed id={}", replay.id(), failed);
            finish(replay, "FAILED", null, null, null, failed.toString());
        } finally {
            tasks.cancelAll();
            owner.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The scratch read model, empty: its schema made with the live one's migrations. */
    private ReadModelWriter createScratch(String schema) {
        // created and changed as the schemas' owner, which grants this service's role its rows (afterMigrate.sql):
        // the role itself may create no schema
        owner.migrate(schema, "classpath:db/" + ProjectionSchema.NAME);
        // the scratch model is dropped when the replay ends: writing it to the WAL would protect nothing
        owner.execute(String.join("; ", jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ?").param(schema)
                .query(String.class).list().stream().map(table -> "ALTER TABLE " + schema + "." + table + " SET UNLOGGED")
                .toList()));
        return ReadModelWriter.daySumsOnly(new JdbcTemplate(dataSource), transactions, schema);
    }

    private void finish(ReplayInProgress replay, String status, Boolean identical, Integer differenceCount,
                        List<Replay.Difference> differences, String error) {
        Replay last = Replay.running(replay);
        Replay done = new Replay(replay.id(), status, replay.unit(), replay.year(), replay.knownAt(), replay.startedAt(),
                Instant.now(), last.processed(), last.total(), last.eventsPerSecond(), "SUCCEEDED".equals(status) ? 0L : null,
                identical, differenceCount, differences, error, null);
        finished.put(replay.id(), done);
        running.set(null);
        log.info("event=replay_finished id={} status={} processed={} identical={} differences={}", replay.id(), status,
                done.processed(), identical, differenceCount);
    }
}
