package org.budgetledger.ledger.decision;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;

import java.util.List;
import java.util.Objects;

/**
 * A transaction the ledger does not take: the code of the rule that refused it, a message for the finance
 * officer, and the request's fields at fault, if any. The one form of a rejection, from the check that
 * finds it (validation, the catalog, the idempotency rule, a budget year's rules) to the HTTP answer, which
 * is a problem with this code, detail and {@code errors[]}. Nothing is stored for a rejected transaction.
 */
public record Rejection(ProblemCode code, String detail, List<FieldError> errors) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
    }

    public static Rejection of(ProblemCode code, String detail) {
        return new Rejection(code, detail, List.of());
    }
}
