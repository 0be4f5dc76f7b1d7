package org.budgetledger.web;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;

import java.util.List;

/**
 * A {@link Rejection} thrown: for the endpoints that answer a refused request by throwing, answered with
 * problem+json (its code, its detail, its field errors) by {@link ProblemResponses}.
 */
public class ApiProblem extends RuntimeException {

    private final Rejection rejection;

    public ApiProblem(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiProblem(ProblemCode code, String detail, List<FieldError> errors) {
        this(new Rejection(code, detail, errors));
    }

    public ApiProblem(Rejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public ProblemCode code() {
        return rejection.code();
    }

    public List<FieldError> errors() {
        return rejection.errors();
    }
}
