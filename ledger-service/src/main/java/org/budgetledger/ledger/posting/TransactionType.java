package org.budgetledger.ledger.posting;

import java.util.Set;

/** The transaction types of SPEC §4 and the fields each takes besides the common ones. */
public enum TransactionType {
    APPROPRIATE("fund", "subject", "kind", "project", "economic", "amount"),
    ADJUST("line", "amount", "reason"),
    TRANSFER("from", "to", "amount", "reason"),
    PAY("line", "economic", "amount", "payee", "method"),
    REFUND("payment", "amount"),
    RECEIVE("fund", "subject", "amount"),
    OPENING_BALANCE("fund", "subject", "kind", "project", "economic", "amount"),
    USE_RESERVE("fund", "subject", "amount"),
    DISTRIBUTE_SURPLUS("fund", "subject", "amount"),
    SET_LIMIT("category", "amount"),
    CARRY_OVER;

    private final Set<String> fields;

    TransactionType(String... fields) {
        this.fields = Set.of(fields);
    }

    public boolean takes(String field) {
        return fields.contains(field);
    }
}
