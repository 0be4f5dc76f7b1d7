package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A digest an auditor kept, as {@code POST /api/v1/audit/verify} takes it: SPEC §9's newest event's sequence and hash
 * (which commit to the whole history before them; {@code events}, how many there were, for reading convenience), and,
 * from a digest of SPEC §16, its signed tree head ({@code treeSize}, {@code rootHash}, {@code recordedAt},
 * {@code signature}, {@code keyId}), all optional: the answer of {@code GET /api/v1/audit/digest} as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Digest(long sequence, String hash, Long events, Long treeSize, String rootHash, String recordedAt,
                     String signature, String keyId) {

    /** A digest of SPEC §9 alone. */
    public Digest(long sequence, String hash, Long events) {
        this(sequence, hash, events, null, null, null, null, null);
    }
}
