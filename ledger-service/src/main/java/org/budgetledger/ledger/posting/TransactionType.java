package org.budgetledger.ledger.posting;

import java.util.Set;

/** The transaction types of SPEC §4 and the fields each takes besides the common ones. */
public enum TransactionType {
    APPROPRIATE(true, "fund", "subject", "kind", "project", "economic", "amount"),
    ADJUST(false, "line", "amount", "reason"),
    TRANSFER(false, "from", "to", "amount", "reason"),
    PAY(true, "line", "economic", "amount", "payee", "method"),
    REFUND(false, "payment", "amount"),
    RECEIVE(false, "fund", "subject", "amount"),
    OPENING_BALANCE(false, "fund", "subject", "kind", "project", "economic", "amount"),
    USE_RESERVE(false, "fund", "subject", "amount"),
    DISTRIBUTE_SURPLUS(false, "fund", "subject", "amount"),
    SET_LIMIT(false, "category", "amount"),
    CARRY_OVER(false);

    private final boolean implemented;
    private final Set<String> fields;

    TransactionType(boolean implemented, String... fields) {
        this.implemented = implemented;
        this.fields = Set.of(fields);
    }

    /** Whether this version of the ledger can post the type yet. */
    public boolean implemented() {
        return implemented;
    }

    public boolean takes(String field) {
        return fields.contains(field);
    }
}
