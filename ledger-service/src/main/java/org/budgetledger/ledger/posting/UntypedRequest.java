package org.budgetledger.ledger.posting;

/**
 * A body whose {@code type} is missing or names no transaction type. It is refused whatever else it holds; its
 * rejection names the type and every fault of the common fields, and nothing of the fields of any type.
 */
public record UntypedRequest(String id, String type, String unit, Integer year, String date, String memo,
                             String voucher) implements TransactionRequest {

    @Override
    public RequestCheck command(String principal) {
        return RequestChecks.untyped(this);
    }
}
