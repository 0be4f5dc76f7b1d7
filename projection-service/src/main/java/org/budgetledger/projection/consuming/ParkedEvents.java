package org.budgetledger.projection.consuming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Poison records: what the projection cannot read is parked here with the reason (one line in the log,
 * a count in health and in the metric {@code budgetledger.projection.parked}) instead of stopping the
 * projection; once a new version can read them, {@link #reprocess} applies them and removes them.
 */
@Repository
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    record Parked(String topic, int partition, long offset, byte[] value) {
    }

    private final JdbcClient jdbc;
    private final StoppedUnitYears stopped;

    ParkedEvents(JdbcClient jdbc, StoppedUnitYears stopped, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.stopped = stopped;
        Gauge.builder("budgetledger.projection.parked", this, ParkedEvents::count)
                .description("records of the event topic the projection could not read").register(meters);
    }

    void park(ConsumerRecord<String, byte[]> record, String reason) {
        jdbc.sql("""
                        INSERT INTO projection.parked_event (topic, partition, "offset", key, value, reason)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(record.topic(), record.partition(), record.offset(), abbreviate(record.key()), record.value(), reason)
                .update();
        log.warn("event=event_parked topic={} partition={} offset={} reason=\"{}\"", record.topic(), record.partition(),
                record.offset(), reason);
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM projection.parked_event").query(Long.class).single();
    }

    /**
     * Tries every parked record again: applies and removes those that can now be read; then the events held behind
     * stopped unit-years ({@link StoppedUnitYears}), in order, as far as each can now be applied.
     */
    public Reprocessed reprocess(EventValueReader wireEvents, ReadModelWriter writer) {
        List<Parked> parked = jdbc.sql("SELECT topic, partition, \"offset\", value FROM projection.parked_event ORDER BY parked_at")
                .query((row, number) -> new Parked(row.getString(1), row.getInt(2), row.getLong(3), row.getBytes(4))).list();
        int applied = 0;
        for (Parked record : parked) {
            try {
                writer.apply(List.of(wireEvents.read(record.value(), ReadModelWriter.Delivered::new)));
                jdbc.sql("DELETE FROM projection.parked_event WHERE topic = ? AND partition = ? AND \"offset\" = ?")
                        .params(record.topic(), record.partition(), record.offset()).update();
                applied++;
            } catch (EventValueReader.Unreadable stillUnreadable) {
                // stays parked
            }
        }
        log.info("event=parked_reprocessed applied={} remaining={}", applied, parked.size() - applied);
        StoppedUnitYears.Resumed resumed = stopped.resume(wireEvents, writer);
        return new Reprocessed(applied, parked.size() - applied, resumed.applied(), resumed.stillHeld());
    }

    /**
     * @param applied        parked records applied
     * @param remaining      parked records still unreadable
     * @param resumedEvents  events held behind stopped unit-years now applied
     * @param stillHeld      events still held (behind an event that still cannot be applied)
     */
    public record Reprocessed(int applied, int remaining, int resumedEvents, int stillHeld) {
    }

    private static String abbreviate(String key) {
        return key == null || key.length() <= 100 ? key : key.substring(0, 100);
    }
}
