package org.budgetledger.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.ledger.evidence.SignedDigest;
import org.budgetledger.ledger.evidence.SigningKeys;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** SPEC §8–§9 on the ledger: the stored history and its verification (its signed digest: {@code evidence}). */
@Tag(name = "Audit (审计)")
@RestController
class AuditController {

    static final int LIMIT_MAX = 1000;

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final EventHistory history;
    private final ChainVerification verification;
    private final TopicCheck topicCheck;

    private final Units registeredUnits;
    private final RegisteredUnitTree unitTree;
    private final UnitAccess access;
    private final SigningKeys signingKeys;

    AuditController(EventHistory history, ChainVerification verification, TopicCheck topicCheck, Units registeredUnits,
                    RegisteredUnitTree unitTree, SigningKeys signingKeys) {
        this.history = history;
        this.signingKeys = signingKeys;
        this.verification = verification;
        this.topicCheck = topicCheck;
        this.registeredUnits = registeredUnits;
        this.unitTree = unitTree;
        this.access = unitTree.access();
    }

    /**
     * A signed digest (SPEC §16) must state a root, and its signature, when it has one, must hold under the key it
     * names: a digest the ledger did not sign proves nothing about its history. (One signed with a key the ledger no
     * longer lists is taken for its tree alone: the auditor checks its signature with the key they kept.)
     */
    private void requireSigned(Digest digest) {
        if (digest.treeSize() < 0 || digest.rootHash() == null || !digest.rootHash().matches("[0-9a-f]{64}")) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "a signed digest has treeSize ≥ 0 and rootHash (64 lowercase hex "
                    + "digits) as GET /api/v1/audit/digest gives it", List.of(new FieldError("rootHash", "64 lowercase hex digits")));
        }
        if (digest.signature() != null && digest.keyId() != null && digest.recordedAt() != null
                && signingKeys.verify(digest.keyId(), SignedDigest.message(digest.treeSize(), digest.rootHash(), digest.recordedAt()),
                digest.signature()).filter(holds -> !holds).isPresent()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the digest's signature does not hold under key " + digest.keyId()
                    + ": it is not a digest this ledger signed, or it was changed", List.of(new FieldError("signature", "does not hold")));
        }
    }

    /** Whether the event topic (what replays read) holds exactly the stored history. */
    @Operation(summary = "Check that the event topic holds exactly the stored history (核对消息主题)",
            description = "Every published event on the topic with the same id and hash, and nothing else there; "
                    + "duplicates are allowed (publishing is at least once). Lists at most 20 sequences of each kind.")
    @ApiResponse(responseCode = "200", description = "The comparison; ok is false when anything is missing, unknown or differs")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @PostMapping(path = "/api/v1/audit/topic-check", produces = MediaType.APPLICATION_JSON_VALUE)
    TopicCheck.Result topicCheck() {
        TopicCheck.Result result = topicCheck.run();
        log.info("event=topic_checked ok={} stored={} topic_records={} missing={} unknown={} differing={}", result.ok(),
                result.storedEvents(), result.topicRecords(), result.missingOnTopic().size(), result.unknownOnTopic().size(),
                result.differing().size());
        return result;
    }

    /**
     * The history in sequence order, with every event's metadata, payload and integrity fields, a page at a
     * time ({@code next} is the URL of the following page, null at the end). A caller sees only its units.
     */
    @Operation(summary = "Read the stored history, a page at a time (事件历史)", description = """
            Every event in sequence order with its metadata, its payload exactly as stored and its integrity fields \
            (so its hash can be recomputed from the answer). `next` is the URL of the following page, null at the \
            end (as CSV: a `Link: <…>; rel="next"` header). A caller sees only the events of the units it reads (a grant of a \
unit reads its department); the catalog's events (CatalogCodeAdded) only a caller of every unit.""")
    @Parameter(name = "unit", description = "only the events of this budget unit")
    @Parameter(name = "year", description = "only the events of this budget year")
    @Parameter(name = "type", description = "only the events of this type")
    @Parameter(name = "transactionId", description = "only the events of this transaction")
    @Parameter(name = "from", description = "only the events effective on or after this date (业务日期)")
    @Parameter(name = "to", description = "only the events effective on or before this date (业务日期)")
    @Parameter(name = "afterSequence", description = "the page starts after this sequence (0: from the first event)")
    @Parameter(name = "limit", description = "at most this many events, 1 to 1000",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
    @Parameter(name = "format", description = "json, or csv (UTF-8 with BOM, the payload as one column)",
            schema = @Schema(type = "string", allowableValues = {"json", "csv"}, defaultValue = "json"))
    @ApiResponse(responseCode = "200", description = "One page of the history")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @GetMapping("/api/v1/audit/events")
    ResponseEntity<?> events(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String transactionId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "0") long afterSequence,
                             @RequestParam(defaultValue = "100") int limit,
                             @RequestParam(defaultValue = "json") String format) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "limit must be 1 to " + LIMIT_MAX,
                    List.of(new FieldError("limit", "1 to " + LIMIT_MAX)));
        }
        Caller caller = Caller.current();
        if (unit != null) {
            access.requireReadable(caller, unit, "unit " + unit);
        }
        // a caller of some units reads their departments' events (SPEC §13), not the catalog's, which belong to no unit
        List<String> units = unit == null && !caller.seesUnit(Caller.ALL_UNITS)
                ? unitTree.readBy(caller, registeredUnits.codes()) : null;
        List<StoredEvent> events = history.page(new EventHistory.Filter(unit, units, year, type, transactionId, from, to),
                afterSequence, limit);
        String next = events.size() < limit ? null : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("afterSequence", events.get(events.size() - 1).sequence()).toUriString();
        if (format.equals("csv")) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
            if (next != null) {
                answer.header("Link", "<" + next + ">; rel=\"next\"");
            }
            return answer.body(HistoryCsv.write(events));
        }
        if (!format.equals("json")) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "format must be json or csv", List.of(new FieldError("format", "json or csv")));
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("events", events);
        body.put("next", next);
        return ResponseEntity.ok(body);
    }

    /** Checks the whole stored history; with an earlier digest as body, also that nothing before it was removed. */
    @Operation(summary = "Verify the hash chain and seals of the whole history (完整性校验)", description = """
            Recomputes every event's hash, its link to the previous one, its seal and its leaf in the Merkle tree. With \
            an earlier digest as body (the answer of GET /api/v1/audit/digest as it was), also checks that the history \
            still holds what it committed to: a signed digest's tree of its first treeSize events must still have its \
            rootHash (when it has not, the event topic names the first event that is not what was published); a \
            digest of SPEC §9 alone ({sequence, hash}), that its event is still there with that hash. The body is \
            optional. A table beside the events (transactions, budget lines, commitments, units) that disagrees with \
            them is named with its row; to an auditor of some units, a row of a unit outside their departments (by \
            the events, not by the tables) is named only by its table.""")
    @ApiResponse(responseCode = "200", description = "ok, or the first offending event and what is wrong with it")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @PostMapping(path = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification.Result verify(@RequestBody(required = false) Digest digest) {
        if (digest != null && digest.treeSize() != null) {
            requireSigned(digest);
        } else if (digest != null && (digest.hash() == null || digest.sequence() < 0)) {
            // a digest without its hash proves nothing, and must not be reported as a deleted history
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "a digest is {\"sequence\", \"hash\"} as GET /api/v1/audit/digest gives it",
                    List.of(new FieldError("hash", "required")));
        }
        ChainVerification.Result result = verification.verify(digest, Caller.current());
        if (result.ok()) {
            log.info("event=history_verified ok=true checked={}", result.checkedEvents());
        } else {
            log.warn("event=history_verified ok=false checked={} offending_sequence={} offending_table={} offending_row={} problem=\"{}\"",
                    result.checkedEvents(), result.firstOffending().sequence(), result.firstOffending().table(),
                    result.firstOffending().row(), result.firstOffending().problem());
        }
        return result;
    }
}
