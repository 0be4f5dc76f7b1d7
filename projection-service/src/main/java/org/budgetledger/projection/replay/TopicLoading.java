package org.budgetledger.projection.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.contracts.wire.TopicHistory;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replay's first half: the topic's whole history, from its first offset, read on the reader thread, parsed on
 * the helpers and written into the scratch read model on the replay's own thread ({@link ReplayThreads}).
 */
final class TopicLoading {

    /** Under the replays' logger, as before this class was split from {@link Replays}: log filters keep working. */
    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int HELPERS = ReplayThreads.HELPERS;

    private final AsyncTaskExecutor reader;
    private final EventValueReader wireEvents;
    private final Map<String, Object> consumerProperties;
    private final String topic;

    TopicLoading(AsyncTaskExecutor reader, EventValueReader wireEvents, Map<String, Object> consumerProperties, String topic) {
        this.reader = reader;
        this.wireEvents = wireEvents;
        this.consumerProperties = consumerProperties;
        this.topic = topic;
    }

    /** Records read and parsed, ready to write; or the end of the topic; or why reading failed. */
    private record Read(List<ReadModelWriter.Delivered> events, int records, RuntimeException failure) {
        static final Read END = new Read(List.of(), 0, null);
    }

    /** Every record on the topic, the replay's events among them written to the scratch model; counted in the replay. */
    void load(ReplayInProgress replay, ReadModelWriter scratch, ReplayTasks tasks) {
        try (TopicHistory history = new TopicHistory(consumerProperties, topic)) {
            replay.total.set(history.total());
            readWhileWriting(replay, history, scratch, tasks);
        }
    }

    /**
     * Reads the next records on a thread of its own and parses each poll's worth on one of the helpers, while
     * this thread writes the ones before, in the topic's order: the broker's, the parsers' and the database's
     * time overlap instead of adding up. Parsing was most of a replay's work once the scratch model kept only
     * day sums.
     */
    private void readWhileWriting(ReplayInProgress replay, TopicHistory history, ReadModelWriter scratch, ReplayTasks tasks) {
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

    private void readAll(ReplayInProgress replay, TopicHistory history, BlockingQueue<Future<Read>> ready, ReplayTasks tasks) {
        Read last = Read.END;
        try {
            history.readAll(records -> {
                try {
                    ready.put(tasks.submit(() -> parse(replay, records)));
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
    private static Read take(BlockingQueue<Future<Read>> ready, ReplayTasks tasks) {
        try {
            Future<Read> next = ready.take();
            tasks.forget(next);
            return ReplayTasks.result(next);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay was stopped", stop);
        }
    }

    private Read parse(ReplayInProgress replay, List<ConsumerRecord<String, byte[]>> records) {
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
}
