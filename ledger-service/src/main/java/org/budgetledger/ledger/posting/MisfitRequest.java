package org.budgetledger.ledger.posting;

import java.util.List;

/**
 * A body of a transaction type that also holds fields of other types ({@code fund} in a PAY, say). It is refused;
 * its rejection names those fields among every other fault of the request, as the request reads without them.
 *
 * @param request the request as its type reads it
 * @param foreign the fields of other types it holds, in the order fields are listed
 */
public record MisfitRequest(TypedRequest request, List<String> foreign) implements TransactionRequest {

    public MisfitRequest {
        foreign = List.copyOf(foreign);
    }

    @Override
    public String id() {
        return request.id();
    }

    @Override
    public String type() {
        return request.type();
    }

    @Override
    public String unit() {
        return request.unit();
    }

    @Override
    public Integer year() {
        return request.year();
    }

    @Override
    public String date() {
        return request.date();
    }

    @Override
    public String memo() {
        return request.memo();
    }

    @Override
    public String voucher() {
        return request.voucher();
    }

    @Override
    public RequestCheck command(String principal) {
        return RequestChecks.check(request, principal, foreign);
    }
}
