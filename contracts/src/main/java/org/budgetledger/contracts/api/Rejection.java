package org.budgetledger.contracts.api;

import java.util.List;
import java.util.Objects;

/**
 * A request the ledger does not take: the code of the rule that refused it, a message for the finance
 * officer, and the request's fields at fault, if any. The one form of a rejection, from the check that
 * finds it (validation, the caller's rights, the catalog, the idempotency rule, a budget year's rules) to the
 * HTTP answer, which is a problem with this code, detail and {@code errors[]}; where a web endpoint throws it
 * instead, it travels inside an {@code ApiProblem}. Nothing is stored for a rejected request.
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
