package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;

import java.time.Instant;

/**
 * An event as the audit history shows it: its place in the store, its metadata, its payload exactly as
 * stored ({@code storedPayload}, so that its hash can be recomputed from this answer), and its integrity fields.
 *
 * <p>A registry event (SPEC §12) has no transaction and no year; a catalog addition has no unit either.
 *
 * <p>A payload that cannot be read (damaged in the database) is shown as a JSON string of its stored text,
 * with {@code damaged} saying why, so that the answer stays valid JSON; {@code event} is then null.
 */
@JsonPropertyOrder({"sequence", "eventId", "transactionId", "type", "aggregateId", "aggregateSequence", "unit", "year",
        "effectiveDate", "recordedAt", "principal", "payload", "damaged", "previousHash", "hash", "seal"})
public record StoredEvent(long sequence, String eventId, String transactionId, String type, String aggregateId,
                          long aggregateSequence, String unit, Integer year, String effectiveDate, Instant recordedAt,
                          String principal, @JsonIgnore String storedPayload, String previousHash, String hash, String seal,
                          @JsonIgnore RecordedEvent event, @JsonInclude(JsonInclude.Include.NON_NULL) String damaged) {

    /** The budget year's event it holds; null for a registry event or a damaged payload. */
    public LedgerEvent ledgerEvent() {
        return event instanceof LedgerEvent ledgerEvent ? ledgerEvent : null;
    }

    /** The payload as the answer carries it: the stored JSON itself, or, damaged, its text as a JSON string. */
    @JsonProperty("payload")
    @JsonRawValue
    String payloadJson() {
        return damaged == null ? storedPayload
                : '"' + new String(JsonStringEncoder.getInstance().quoteAsString(storedPayload)) + '"';
    }
}
