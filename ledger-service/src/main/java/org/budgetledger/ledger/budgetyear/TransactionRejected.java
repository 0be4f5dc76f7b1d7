package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;

/**
 * A transaction the ledger's rules do not allow, with the rule's code and a message for the finance
 * officer. Thrown by a command handler before anything is applied, so nothing is stored.
 */
public class TransactionRejected extends RuntimeException {

    private final ProblemCode code;

    public TransactionRejected(ProblemCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
