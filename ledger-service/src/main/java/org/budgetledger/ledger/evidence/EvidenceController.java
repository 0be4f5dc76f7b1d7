package org.budgetledger.ledger.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** SPEC §16 on the ledger: signed digests of the store's Merkle tree and the keys that sign them. */
@Tag(name = "Audit (审计)")
@RestController
class EvidenceController {

    private static final Logger log = LoggerFactory.getLogger(EvidenceController.class);

    private final Digests digests;
    private final SigningKeys keys;

    EvidenceController(Digests digests, SigningKeys keys) {
        this.digests = digests;
        this.keys = keys;
    }

    @Operation(summary = "The signed digest of the history (历史摘要)", description = """
            The Merkle tree of every event in sequence order (RFC 6962): its size, its root, the recording instant of \
            its newest event, and the ledger's Ed25519 signature over the ASCII bytes \
            `budget-ledger/digest/v1\\n{treeSize}\\n{rootHash}\\n{recordedAt}` under the key `keyId` (GET \
            /api/v1/audit/keys). Keep it outside the system: with the public key alone, any later inclusion or \
            consistency proof can be checked against it, offline (docs/verify-history.py). `sequence`, `hash` and \
            `events` are the digest of SPEC §9, which POST /api/v1/audit/verify takes. With `treeSize` or `knownAt`: \
            the digest of the tree as it stood then (the same answer, byte for byte, as it was or would have been).""")
    @Parameter(name = "treeSize", description = "the digest of the first this many events (0 to the tree's size)")
    @Parameter(name = "knownAt", description = "the digest of the events recorded at or before this instant (ISO-8601)")
    @ApiResponse(responseCode = "200", description = "The digest")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: a treeSize beyond the tree, both parameters, or no instant")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @GetMapping("/api/v1/audit/digest")
    SignedDigest digest(@RequestParam(required = false) Long treeSize, @RequestParam(required = false) String knownAt) {
        if (treeSize != null && knownAt != null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "give treeSize or knownAt, not both",
                    List.of(new FieldError("knownAt", "not with treeSize")));
        }
        SignedDigest digest;
        if (treeSize != null) {
            digest = digests.ofSize(treeSize).orElseThrow(() -> beyondTheTree("treeSize", treeSize));
        } else if (knownAt != null) {
            digest = digests.knownAt(instant("knownAt", knownAt));
        } else {
            digest = digests.current();
        }
        log.info("event=digest_signed tree_size={} root_hash={} key_id={}", digest.treeSize(), digest.rootHash(), digest.keyId());
        return digest;
    }

    @Operation(summary = "The public keys of the ledger's digests (摘要签名公钥)", description = """
            Every Ed25519 key the ledger has signed digests with, oldest first, the current one marked: `publicKey` is \
            base64 of the 32 raw bytes, `pem` the same key as PEM (SubjectPublicKeyInfo). A key that was rotated out \
            stays listed, so that digests signed with it still verify.""")
    @ApiResponse(responseCode = "200", description = "The keys")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @GetMapping("/api/v1/audit/keys")
    Map<String, Object> keys() {
        String current = keys.current().keyId();
        return Map.of("keys", keys.all().stream().map(key -> new PublicKey(key.keyId(), SigningKeys.ALGORITHM, key.publicKey(),
                SigningKeys.pem(key), key.since().toString(), key.keyId().equals(current))).toList());
    }

    /** A public key as the keys endpoint lists it. */
    record PublicKey(String keyId, String algorithm, String publicKey, String pem, String since, boolean current) {
    }

    static ApiProblem beyondTheTree(String field, long size) {
        return new ApiProblem(ProblemCode.VALIDATION_FAILED, field + " " + size + " is beyond the tree (or negative): see GET "
                + "/api/v1/audit/digest for its size", List.of(new FieldError(field, "0 to the tree's size")));
    }

    static Instant instant(String field, String text) {
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999Z"))) {
                throw new DateTimeParseException("outside years 1 to 9999", text, 0);
            }
            return instant;
        } catch (DateTimeParseException notAnInstant) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, field + " must be an ISO-8601 instant in years 1 to 9999, such as "
                    + "2023-12-31T16:00:00Z", List.of(new FieldError(field, "an ISO-8601 instant")));
        }
    }
}
