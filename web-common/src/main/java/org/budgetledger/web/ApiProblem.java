package org.budgetledger.web;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;

import java.util.List;

/** A request the service answers with problem+json: the machine code, a human detail, field errors. */
public class ApiProblem extends RuntimeException {

    private final ProblemCode code;
    private final List<FieldError> errors;

    public ApiProblem(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiProblem(ProblemCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
