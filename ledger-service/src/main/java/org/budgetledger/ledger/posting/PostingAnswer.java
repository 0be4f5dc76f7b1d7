package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How one transaction was answered, whether it came alone, in a batch or as a row of an import: accepted now
 * (201) or before (200) with its result, refused with its {@link Rejection} (nothing stored), or withdrawn
 * (it would have been accepted, but its all-or-nothing run was not). {@link #http} is the one mapping of an
 * answer to HTTP.
 */
public sealed interface PostingAnswer {

    /** The transaction's id; null when its item could not be read. */
    String id();

    /** Accepted now ({@code created}) or before, and stored. */
    record Accepted(boolean created, PostingResult result) implements PostingAnswer {
        @Override
        public String id() {
            return result.id();
        }
    }

    /** Refused as a single POST would refuse it; stored nothing. */
    record Refused(String id, Rejection rejection) implements PostingAnswer {
    }

    /** Would have been accepted, but another item of its all-or-nothing run was refused: stored nothing. */
    record Withdrawn(String id) implements PostingAnswer {
    }

    /**
     * The answer as HTTP: 201 or 200 with the result, or the rejection's status with its problem (code, detail,
     * {@code errors[]}), as the single POST, the batch's items and the import's rows answer it. A withdrawn item
     * has no answer of its own (its run's report says why).
     */
    static ResponseEntity<?> http(PostingAnswer answer) {
        if (answer instanceof Accepted accepted) {
            return ResponseEntity.status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK).body(accepted.result());
        }
        if (answer instanceof Refused refused) {
            return ProblemResponses.problem(refused.rejection());
        }
        throw new IllegalStateException("a withdrawn item has no answer of its own: " + answer);
    }
}
