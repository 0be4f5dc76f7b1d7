package org.budgetledger.ledger.importing;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;

import java.util.List;
import java.util.Locale;

/** What an import does with a file that has bad rows. */
enum ImportMode {
    /** Nothing is stored unless every row is accepted (the default). */
    ALL,
    /** The valid rows are stored, the bad ones reported. */
    VALID;

    static ImportMode of(String parameter) {
        for (ImportMode mode : values()) {
            if (mode.text().equals(parameter)) {
                return mode;
            }
        }
        throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "mode must be all or valid",
                List.of(new FieldError("mode", "all or valid")));
    }

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean allOrNothing() {
        return this == ALL;
    }
}
