package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * An event as the audit history shows it: its place in the store, its metadata, its payload exactly as
 * stored (so that its hash can be recomputed from this answer), and its integrity fields.
 */
public record StoredEvent(long sequence, String eventId, String transactionId, String type, String aggregateId,
                          long aggregateSequence, String unit, int year, String effectiveDate, Instant recordedAt,
                          String principal, @JsonRawValue String payload, String previousHash, String hash, String seal) {
}
