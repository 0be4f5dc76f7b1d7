package org.budgetledger.ledger.posting;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
class TransactionController {

    private final PostingService postingService;

    TransactionController(PostingService postingService) {
        this.postingService = postingService;
    }

    /** 201 for a new transaction, 200 when the same id and body were accepted before. */
    @PostMapping(path = "/api/v1/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PostingResult> post(@RequestBody TransactionRequest request, HttpServletRequest http) {
        Principal principal = http.getUserPrincipal();
        PostingService.Outcome outcome = postingService.post(request, principal == null ? "anonymous" : principal.getName());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.result());
    }
}
