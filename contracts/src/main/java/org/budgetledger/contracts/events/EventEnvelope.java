package org.budgetledger.contracts.events;

import java.time.Instant;

/**
 * What the event store adds to an event when it commits it. On the topic these fields sit beside the
 * event's own fields in one JSON object.
 *
 * @param sequence   the global position in the store: strictly increasing in commit order, never reused
 * @param recordedAt the instant of commit, UTC, microsecond precision
 */
public record EventEnvelope(String eventId, long sequence, String type, Instant recordedAt) {
}
