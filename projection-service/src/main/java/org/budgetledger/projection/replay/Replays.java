package org.budgetledger.projection.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.platform.jdbc.SchemaOwner;
import org.budgetledger.contracts.wire.TopicHistory;
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
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.budgetledger.platform.settings.PlatformSettings;

/**
 * SPEC §8 replays: the whole history, read from the topic's first offset, rebuilt into a scratch schema
 * (same migrations as the live read model; day sums only, see {@link ReadModelWriter#daySumsOnly}) while the
 * live projection keeps serving; then every table of every unit-year compared cell by cell. One replay at a
 * time, the others waiting their turn; states are kept in memory (a restart forgets them) and the scratch schema is dropped when the replay
 * ends.
 */
@Service
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int HELPERS = ReplayThreads.HELPERS;
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
    private final FactQueries live;
    private final EventValueReader wireEvents;
    private final Map<String, Object> consumerProperties;
    private final String topic;
    /** The threads ({@link ReplayThreads}): the replays one at a time; parsers and comparers; the topic's reader. */
    private final AsyncTaskExecutor worker;
    private final AsyncTaskExecutor helpers;
    private final AsyncTaskExecutor reader;
    private final Map<String, Replay> finished = new ConcurrentHashMap<>();
    private final AtomicReference<Running> running = new AtomicReference<>();
    /** Replays asked for and not yet started, oldest first; guarded by this. */
    private final List<Running> waiting = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());

    Replays(DataSource dataSource, SchemaOwner owner, JdbcClient jdbc, TransactionTemplate transactions, FactQueries live, ObjectMapper json,
            MeterRegistry meters,
            KafkaProperties kafka, SslBundles sslBundles,
            PlatformSettings platform,
            @Qualifier("replayWorker") AsyncTaskExecutor worker, @Qualifier("replayHelpers") AsyncTaskExecutor helpers,
            @Qualifier("replayReader") AsyncTaskExecutor reader) {
        this.worker = worker;
        this.helpers = helpers;
        this.reader = reader;
        this.dataSource = dataSource;
        this.owner = owner;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.live = live;
        this.wireEvents = new EventValueReader(json);
        this.consumerProperties = kafka.buildConsumerProperties(sslBundles);
        this.topic = platform.events().topic();
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
        Running replay = new Running("r" + ids.incrementAndGet(), request.unit(), request.year(),
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
        Running current = running.get();
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

    private synchronized void begin(Running replay) {
        waiting.remove(replay);
        replay.startedAt = Instant.now();
        running.set(replay);
        log.info("event=replay_started id={} unit={} year={} known_at={}", replay.id(), replay.unit(), replay.year(),
                replay.knownAt());
    }

    private void run(Running replay) {
        String schema = "replay_" + replay.id();
        // this replay's tasks on the shared helpers: cancelled when it ends, as a failure leaves some undone
        Queue<Future<?>> tasks = new ConcurrentLinkedQueue<>();
        try {
            // created and changed as the schemas' owner, which grants this service's role its rows (afterMigrate.sql):
            // the role itself may create no schema
            owner.migrate(schema, "classpath:db/" + ProjectionSchema.NAME);
            // the scratch model is dropped when the replay ends: writing it to the WAL would protect nothing
            owner.execute(String.join("; ", jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ?").param(schema)
                    .query(String.class).list().stream().map(table -> "ALTER TABLE " + schema + "." + table + " SET UNLOGGED")
                    .toList()));
            ReadModelWriter scratch = ReadModelWriter.daySumsOnly(new JdbcTemplate(dataSource), transactions, schema);
            try (TopicHistory history = new TopicHistory(consumerProperties, topic)) {
                replay.total.set(history.total());
                readWhileWriting(replay, history, scratch, tasks);
            }
            log.info("event=replay_loaded id={} processed={} millis={}", replay.id(), replay.processed(),
                    Duration.between(replay.startedAt(), Instant.now()).toMillis());
            FactQueries replayed = new FactQueries(jdbc, schema);
            List<Future<ReadModelDiff.Outcome>> outcomes = unitYears(replay, schema).stream()
                    .map(unitYear -> submit(tasks, () -> ReadModelDiff.compare(unitYear, replay.knownAt(), live, replayed)))
                    .toList();
            List<Replay.Difference> differences = new ArrayList<>();
            long count = 0;
            for (Future<ReadModelDiff.Outcome> outcome : outcomes) {
                ReadModelDiff.Outcome ofUnitYear = result(outcome);
                count += ofUnitYear.count();
                ofUnitYear.differences().stream().limit(ReadModelDiff.DIFFERENCES_MAX - differences.size()).forEach(differences::add);
            }
            finish(replay, "SUCCEEDED", count == 0, (int) count, differences, null);
        } catch (RuntimeException failed) {
            log.error("event=replay_failed id={}", replay.id(), failed);
            finish(replay, "FAILED", null, null, null, failed.toString());
        } finally {
            tasks.forEach(task -> task.cancel(true));
            owner.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Records read and parsed, ready to write; or the end of the topic; or why reading failed. */
    private record Read(List<ReadModelWriter.Delivered> events, int records, RuntimeException failure) {
        static final Read END = new Read(List.of(), 0, null);
    }

    /**
     * Reads the next records on a thread of its own and parses each poll's worth on one of the helpers, while
     * this thread writes the ones before, in the topic's order: the broker's, the parsers' and the database's
     * time overlap instead of adding up. Parsing was most of a replay's work once the scratch model kept only
     * day sums.
     */
    private void readWhileWriting(Running replay, TopicHistory history, ReadModelWriter scratch, Queue<Future<?>> tasks) {
        // in poll order, each parsed or being parsed: a bounded queue keeps the reader at most this far ahead
        BlockingQueue<Future<Read>> ready = new ArrayBlockingQueue<>(HELPERS + 1);
        // claimed by the reader when it starts, or by the writer when it stops first: a reader cancelled
        // before it started never runs, one that started is waited for (it uses the history the caller closes)
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch readerEnded = new CountDownLatch(1);
        Future<?> reading = reader.submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                readAll(replay, history, ready, tasks);
            } finally {
                readerEnded.countDown();
            }
        });
        try {
            for (Read read = take(ready, tasks); read != Read.END; read = take(ready, tasks)) {
                if (read.failure() != null) {
                    throw read.failure();
                }
                scratch.apply(read.events());
                replay.processed.addAndGet(read.records());
            }
        } finally {
            reading.cancel(true);
            if (!claimed.compareAndSet(false, true)) {
                awaitUninterruptibly(readerEnded);
            }
        }
    }

    private void readAll(Running replay, TopicHistory history, BlockingQueue<Future<Read>> ready, Queue<Future<?>> tasks) {
        Read last = Read.END;
        try {
            history.readAll(records -> {
                try {
                    ready.put(submit(tasks, () -> parse(replay, records)));
                } catch (InterruptedException stop) {
                    throw new org.apache.kafka.common.errors.InterruptException(stop);
                }
            });
        } catch (RuntimeException failed) {
            last = new Read(List.of(), 0, failed);
        }
        try {
            ready.put(CompletableFuture.completedFuture(last));
        } catch (InterruptedException writerStopped) {
            // the writer failed and no longer takes anything
        }
    }

    private <T> Future<T> submit(Queue<Future<?>> tasks, Callable<T> task) {
        Future<T> submitted = helpers.submit(task);
        tasks.add(submitted);
        return submitted;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException stop) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next poll's records, parsed; no longer kept among the replay's tasks (a replay reads millions). */
    private static Read take(BlockingQueue<Future<Read>> ready, Queue<Future<?>> tasks) {
        try {
            Future<Read> next = ready.take();
            tasks.remove(next);
            return result(next);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was stopped", stop);
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was stopped", stop);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    private Read parse(Running replay, List<ConsumerRecord<String, byte[]>> records) {
        List<ReadModelWriter.Delivered> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ReadModelWriter.Delivered delivered = wireEvents.read(record.value(), ReadModelWriter.Delivered::new);
                if (replay.keeps(delivered)) {
                    batch.add(delivered);
                }
            } catch (EventValueReader.Unreadable unreadable) {
                log.warn("event=replay_skipped_record partition={} offset={} reason=\"{}\"", record.partition(),
                        record.offset(), unreadable.getMessage());
            }
        }
        return new Read(batch, records.size(), null);
    }

    /** The unit-years of either read model that the replay covers. */
    private List<ReadModelDiff.UnitYear> unitYears(Running replay, String schema) {
        // the scratch model records no applied events (ReadModelWriter.daySumsOnly): its unit-years are those it
        // has amounts for, and a unit-year it lacks is still compared if the live model has it
        return jdbc.sql("SELECT DISTINCT unit, year FROM (SELECT unit, year FROM " + ProjectionSchema.NAME
                        + ".applied_event UNION SELECT unit, year FROM " + schema + ".fact_daily UNION SELECT unit, year FROM "
                        + schema + ".three_public_limit) both_models"
                        + " WHERE (?::text IS NULL OR unit = ?) AND (?::int IS NULL OR year = ?) ORDER BY unit, year")
                .params(replay.unit(), replay.unit(), replay.year(), replay.year())
                .query((row, number) -> new ReadModelDiff.UnitYear(row.getString(1), row.getInt(2))).list();
    }

    private void finish(Running replay, String status, Boolean identical, Integer differenceCount,
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

    /** A replay in progress; the counters are written by the replay thread and read by status requests. */
    private static final class Running implements Replay.Progress {
        private final String id;
        private final String unit;
        private final Integer year;
        private final Instant knownAt;
        /** Set when the replay leaves the queue; read by status requests. */
        private volatile Instant startedAt;
        final AtomicLong processed = new AtomicLong();
        final AtomicLong total = new AtomicLong();

        Running(String id, String unit, Integer year, Instant knownAt) {
            this.id = id;
            this.unit = unit;
            this.year = year;
            this.knownAt = knownAt;
        }

        boolean keeps(ReadModelWriter.Delivered delivered) {
            return (unit == null || unit.equals(delivered.event().unit()))
                    && (year == null || year == delivered.event().year())
                    && !delivered.envelope().recordedAt().isAfter(knownAt);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String unit() {
            return unit;
        }

        @Override
        public Integer year() {
            return year;
        }

        @Override
        public Instant knownAt() {
            return knownAt;
        }

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public long processed() {
            return processed.get();
        }

        @Override
        public long total() {
            return total.get();
        }
    }
}
