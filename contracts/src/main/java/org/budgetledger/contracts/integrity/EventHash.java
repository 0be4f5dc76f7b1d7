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
        MessageDigest sha256 = sha256();
        sha256.update(header(previousHash, eventId, aggregateId, aggregateSequence, type, recordedAt, transactionId));
        sha256.update(payload);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The event's canonical bytes: exactly what its hash covers (the header above, then the payload as stored). They are
     * the leaf of the store's Merkle tree ({@link MerkleHash#leaf}), and what an inclusion proof or an archive hands out
     * as {@code stored}: from them alone anyone can recompute both the event's hash and its leaf.
     */
    public static byte[] canonical(String previousHash, String eventId, String aggregateId, long aggregateSequence, String type,
                                   Instant recordedAt, String transactionId, byte[] payload) {
        byte[] header = header(previousHash, eventId, aggregateId, aggregateSequence, type, recordedAt, transactionId);
        byte[] canonical = new byte[header.length + payload.length];
        System.arraycopy(header, 0, canonical, 0, header.length);
        System.arraycopy(payload, 0, canonical, header.length, payload.length);
        return canonical;
    }

    /** The hash of canonical bytes ({@link #canonical}): the same as {@link #of} of their parts. */
    public static String ofCanonical(byte[] canonical) {
        return HexFormat.of().formatHex(sha256().digest(canonical));
    }

    /** {@code recordedAt} as the hash writes it: UTC, always six decimals. */
    public static String recordedAt(Instant recordedAt) {
        return RECORDED_AT.format(recordedAt);
    }

    private static byte[] header(String previousHash, String eventId, String aggregateId, long aggregateSequence, String type,
                                 Instant recordedAt, String transactionId) {
        return (String.join("\n", VERSION, previousHash, eventId, aggregateId, Long.toString(aggregateSequence),
                type, RECORDED_AT.format(recordedAt), transactionId == null ? "" : transactionId) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
