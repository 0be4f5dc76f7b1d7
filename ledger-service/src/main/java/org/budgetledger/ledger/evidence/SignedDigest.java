package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;

/**
 * What an auditor keeps outside the system (SPEC §16): the Merkle tree's size and root, the recording instant of its
 * newest event, and the ledger's Ed25519 signature over {@link #message} under the key {@code keyId}. With the public
 * key alone, offline, it proves any later inclusion or consistency proof. {@code sequence}, {@code hash} and
 * {@code events} are the digest of SPEC §9 (the newest event's sequence and chain hash, and how many events that is),
 * which {@code POST /api/v1/audit/verify} takes as before.
 */
@JsonPropertyOrder({"treeSize", "rootHash", "recordedAt", "signature", "keyId", "sequence", "hash", "events"})
@Schema(name = "Digest")
public record SignedDigest(long treeSize, String rootHash, String recordedAt, String signature, String keyId,
                           long sequence, String hash, long events) {

    /** The first line of the signed text: what it is and its version. */
    public static final String MESSAGE_VERSION = "budget-ledger/digest/v1";
    /** {@code recordedAt} of the empty tree, which has no newest event. */
    public static final String EMPTY_RECORDED_AT = "1970-01-01T00:00:00.000000Z";

    /** The ASCII bytes the signature covers: {@code budget-ledger/digest/v1 LF treeSize LF rootHash LF recordedAt}. */
    public static byte[] message(long treeSize, String rootHash, String recordedAt) {
        return (MESSAGE_VERSION + "\n" + treeSize + "\n" + rootHash + "\n" + recordedAt).getBytes(StandardCharsets.US_ASCII);
    }
}
