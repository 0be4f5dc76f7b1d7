package org.budgetledger.contracts.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The tamper-evident hash of a stored event: SHA-256, in lowercase hex, of the UTF-8 bytes of
 * <pre>
 * budget-ledger-event-v1 LF
 * previousHash LF          (the hash of the event before it in the store; 64 zeros for the first)
 * eventId LF
 * aggregateId LF           ({unit}:{year}; a registry event's: its unit, or catalog:SUBJECTS / catalog:ECONOMIC)
 * aggregateSequence LF     (the event's position in its unit-year, from 0)
 * type LF                  (the event name, e.g. PaymentMade)
 * recordedAt LF            (UTC, always six decimals: 2023-01-10T02:00:00.123456Z)
 * transactionId LF        (empty for a registry event, which belongs to no transaction)
 * payload                  (the event's JSON exactly as stored and as the audit API returns it)
 * </pre>
 * Every event links to the one before it, so the whole store is one chain: changing, removing or reordering
 * any event breaks the link of the next one. Anyone can recompute it from an exported history.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "budget-ledger-event-v1";
    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventHash() {
    }

    /** @param transactionId null for a registry event (hashed as an empty line) */
    public static String of(String previousHash, String eventId, String aggregateId, long aggregateSequence, String type,
                            Instant recordedAt, String transactionId, byte[] payload) {
        String header = String.join("\n", VERSION, previousHash, eventId, aggregateId, Long.toString(aggregateSequence),
                type, RECORDED_AT.format(recordedAt), transactionId == null ? "" : transactionId) + "\n";
        MessageDigest sha256 = sha256();
        sha256.update(header.getBytes(StandardCharsets.UTF_8));
        sha256.update(payload);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
