package org.budgetledger.ledger.posting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.ledger.units.UnitIds;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Transactions (记账)")
@RestController
class TransactionController {

    private final TransactionPosting posting;
    private final BatchPosting batchPosting;
    private final PostedTransactions postedTransactions;
    private final UnitAccess access;

    TransactionController(TransactionPosting posting, BatchPosting batchPosting,
                          PostedTransactions postedTransactions, RegisteredUnitTree units) {
        this.posting = posting;
        this.batchPosting = batchPosting;
        this.postedTransactions = postedTransactions;
        this.access = units.access();
    }

    /** 201 for a new transaction, 200 when the same id and body were accepted before, else its problem. */
    @Operation(summary = "Post a transaction (记账)", description = """
            One transaction of any type of SPEC §4, decided at once: accepted and stored, or rejected and nothing \
            stored. The id is the idempotency key: the same id with the same body again answers 200 and stores \
            nothing; with another body, 409 `IDEMPOTENCY_CONFLICT`. Amounts are strings in 元. A `PAY` or `RECEIVE` \
            between units of the ledger names the other unit in `counterparty` (SPEC §13). `COMMIT` reserves money of \
            a line for a contract, `RELEASE` gives it back, and a `PAY` under a commitment names it in `commitment` \
            (SPEC §14).""")
    @ApiResponse(responseCode = "201", description = "Accepted and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PostingResult.class)))
    @ApiResponse(responseCode = "200", description = "Accepted before with the same body: nothing new is stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PostingResult.class)))
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`, `INVALID_AMOUNT`, `DATE_OUTSIDE_YEAR`, "
            + "`UNKNOWN_UNIT`, `UNKNOWN_SUBJECT`, `UNKNOWN_ECONOMIC`, `MALFORMED_REQUEST`")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK or ADMIN of the unit (CARRY_OVER: ADMIN)")
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_CONFLICT`, `INSUFFICIENT_BALANCE`, "
            + "`THREE_PUBLIC_LIMIT_EXCEEDED`, `LIMIT_BELOW_SPENDING`, `YEAR_CLOSED`, `OPENING_CONFLICT`, `REFUND_EXCEEDS_PAYMENT`, "
            + "`COMMITMENT_EXCEEDED`")
    @ApiResponse(responseCode = "422", description = "`UNKNOWN_LINE`, `UNKNOWN_PAYMENT`, `LINE_NOT_ADJUSTABLE`, "
            + "`INVALID_FUND`, `ECONOMIC_MISMATCH`, `DATE_BEFORE_LINE`, `DATE_BEFORE_PAYMENT`, `UNKNOWN_COMMITMENT`, "
            + "`COMMITMENT_MISMATCH`, `DATE_BEFORE_COMMITMENT`, `AMOUNT_LIMIT_EXCEEDED`")
    @PostMapping(path = "/api/v1/transactions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> post(@RequestBody TransactionRequest request) {
        return PostingAnswer.http(posting.post(request, Caller.current()));
    }

    /** Up to 10 000 transactions, each treated as its own POST; the answers come in the same order. */
    @Operation(summary = "Post up to 10 000 transactions at once (批量记账)", description = """
            Each item is decided as a single POST of it would be (its own idempotency, its own rules), in order; \
            the answer has one result per item with the status that POST would have answered, and its body or \
            its problem. Only an unreadable body as a whole is refused.""")
    @ApiResponse(responseCode = "200", description = "One result per item, in order")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK or ADMIN")
    @PostMapping(path = "/api/v1/transactions:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchPosting.Results batch(@RequestBody byte[] body) {
        return batchPosting.post(body, Caller.current());
    }

    /** The unit's transaction with this id; without a unit, the only one of a unit the caller sees (SPEC §4 v2). */
    @Operation(summary = "Read a posted transaction (查询交易)",
            description = "The transaction as it was accepted: who posted it, when, its body and the answer it got.")
    @Parameter(name = "id", description = "the transaction's id, as posted")
    @ApiResponse(responseCode = "200", description = "The transaction")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs CLERK, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such transaction in a unit the caller may read")
    @Parameter(name = "unit", description = "the unit whose transaction it is; may be left out when exactly one unit "
            + "the caller may read has this id")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: several units the caller may read have this id; "
            + "name the unit")
    @GetMapping("/api/v1/transactions/{id}")
    PostedTransactions.Details transaction(@PathVariable String id, @RequestParam(required = false) String unit) {
        return UnitIds.resolve(postedTransactions.details(id), PostedTransactions.Details::unit, unit, Caller.current(),
                access, "transaction " + id);
    }
}
