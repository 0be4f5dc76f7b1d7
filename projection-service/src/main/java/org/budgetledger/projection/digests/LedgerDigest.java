package org.budgetledger.projection.digests;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A digest the ledger signed (SPEC §16), as it answers {@code GET /api/v1/audit/digest}: the Merkle tree's size and
 * root, the recording instant of its newest event (the text the signature covers), the Ed25519 signature (base64)
 * over {@code budget-ledger/digest/v1 LF treeSize LF rootHash LF recordedAt}, and the key's id ({@code GET
 * /api/v1/audit/keys}). Everything an auditor needs, with the public key, to check it and any proof against it.
 */
@JsonPropertyOrder({"treeSize", "rootHash", "recordedAt", "signature", "keyId"})
public record LedgerDigest(long treeSize, String rootHash, String recordedAt, String signature, String keyId) {

    /** How much of the signature the page headers print (the full one is printed once, see {@link DigestStatement}). */
    static final int SIGNATURE_SHOWN = 16;

    /** The signature abbreviated, for a page header or footer: its first characters and an ellipsis. */
    public String signatureAbbreviated() {
        return signature.length() <= SIGNATURE_SHOWN ? signature : signature.substring(0, SIGNATURE_SHOWN) + "…";
    }
}
