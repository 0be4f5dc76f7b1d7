package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.units.UnitIds;
import org.budgetledger.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
class TransactionController {

    private final GroupCommit groupCommit;
    private final BatchPosting batchPosting;
    private final PostedTransactions postedTransactions;

    TransactionController(GroupCommit groupCommit, BatchPosting batchPosting,
                          PostedTransactions postedTransactions) {
        this.groupCommit = groupCommit;
        this.batchPosting = batchPosting;
        this.postedTransactions = postedTransactions;
    }

    /** 201 for a new transaction, 200 when the same id and body were accepted before. */
    @PostMapping(path = "/api/v1/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PostingResult> post(@RequestBody TransactionRequest request) {
        PostingService.Outcome outcome = groupCommit.post(request, Caller.current());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.result());
    }

    /** Up to 10 000 transactions, each treated as its own POST; the answers come in the same order. */
    @PostMapping(path = "/api/v1/transactions:batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchPosting.Results batch(@RequestBody byte[] body) {
        return batchPosting.post(body, Caller.current());
    }

    /** The unit's transaction with this id; without a unit, the only one of a unit the caller sees (SPEC §4 v2). */
    @GetMapping("/api/v1/transactions/{id}")
    PostedTransactions.Details transaction(@PathVariable String id, @RequestParam(required = false) String unit) {
        return UnitIds.resolve(postedTransactions.details(id), PostedTransactions.Details::unit, unit, Caller.current(),
                "transaction " + id);
    }
}
