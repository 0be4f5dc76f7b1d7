package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.platform.settings.PlatformSettings;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumes the event topic in batches and applies them to the read model in one database transaction
 * per batch; offsets are committed only after it committed, so a crash redelivers (and the read model
 * ignores what it applied already). A record it cannot read is parked ({@link ParkedEvents}), not skipped
 * silently, and does not stop the others. An event it reads but cannot apply however often it tries stops its own
 * unit-year there, visibly ({@link StoppedUnitYears}); a batch that fails for any other reason (the database away) is
 * retried until it passes.
 */
@Component
class EventConsumer {

    static final String LISTENER_ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final ReadModelWriter writer;
    private final EventValueReader wireEvents;
    private final ParkedEvents parked;
    private final StoppedUnitYears stopped;
    private final String topic;
    private final String groupId;

    EventConsumer(ReadModelWriter writer, ObjectMapper json, ParkedEvents parked, StoppedUnitYears stopped,
                  PlatformSettings platform, ProjectionSettings settings) {
        this.writer = writer;
        this.wireEvents = new EventValueReader(json);
        this.parked = parked;
        this.stopped = stopped;
        this.topic = platform.events().topic();
        this.groupId = settings.projection().groupId();
    }

    /** {@code budgetledger.events.topic}, for the listener below ({@code __listener} is this bean). */
    public String topic() {
        return topic;
    }

    /** {@code budgetledger.projection.group-id}, for the listener below. */
    public String groupId() {
        return groupId;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topic()}", groupId = "#{__listener.groupId()}")
    void consume(List<ConsumerRecord<String, byte[]>> records) {
        List<ReadModelWriter.Delivered> batch = new ArrayList<>(records.size());
        Map<Long, String> hashes = new HashMap<>();
        Map<Long, byte[]> values = new HashMap<>();
        Set<StoppedUnitYears.UnitYear> stoppedNow = stopped.current();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ReadModelWriter.Delivered delivered = wireEvents.read(record.value(), ReadModelWriter.Delivered::new);
                if (stoppedNow.contains(StoppedUnitYears.UnitYear.of(delivered.event()))) {
                    stopped.holdBehind(delivered, record.value());
                    continue;
                }
                batch.add(delivered);
                values.put(delivered.envelope().sequence(), record.value());
                String hash = ChainHash.of(record.value());
                if (hash != null) {
                    hashes.put(delivered.envelope().sequence(), hash);
                }
            } catch (EventValueReader.Unreadable unreadable) {
                parked.park(record, unreadable.getMessage());
            }
        }
        int applied;
        try {
            applied = writer.apply(batch, hashes);
        } catch (RuntimeException failure) {
            if (!StoppedUnitYears.deterministic(failure)) {
                throw failure; // retried until it passes
            }
            applied = oneByOne(batch, hashes, values);
        }
        log.debug("event=batch_applied records={} new={}", records.size(), applied);
    }

    /**
     * The batch again, an event at a time, to find the one the data error is in: it stops its unit-year, whose later
     * events in the batch are held behind it; every other event is applied.
     */
    private int oneByOne(List<ReadModelWriter.Delivered> batch, Map<Long, String> hashes, Map<Long, byte[]> values) {
        Set<StoppedUnitYears.UnitYear> stoppedHere = new HashSet<>();
        int applied = 0;
        for (ReadModelWriter.Delivered delivered : batch) {
            StoppedUnitYears.UnitYear unitYear = StoppedUnitYears.UnitYear.of(delivered.event());
            byte[] value = values.get(delivered.envelope().sequence());
            if (stoppedHere.contains(unitYear)) {
                stopped.holdBehind(delivered, value);
                continue;
            }
            try {
                applied += writer.apply(List.of(delivered), hashes);
            } catch (RuntimeException failure) {
                if (!StoppedUnitYears.deterministic(failure)) {
                    throw failure;
                }
                stopped.stop(delivered, value, failure);
                stoppedHere.add(unitYear);
            }
        }
        return applied;
    }
}
