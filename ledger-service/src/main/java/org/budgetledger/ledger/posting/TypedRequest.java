package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;

import java.util.List;

/**
 * A request of one transaction type: a record named by {@link com.fasterxml.jackson.annotation.JsonTypeName} with
 * the common fields (id, unit, year, date, memo, voucher) and its own, as sent. Adding a type is adding its record
 * here (and its command, decision and event); its fields, its name in {@code type} and its place in the API
 * description follow from the record.
 */
public sealed interface TypedRequest extends TransactionRequest permits AppropriateRequest, AdjustRequest,
        TransferRequest, PayRequest, RefundRequest, ReceiveRequest, OpeningBalanceRequest, UseReserveRequest,
        DistributeSurplusRequest, SetLimitRequest, CarryOverRequest, CommitRequest, ReleaseRequest {

    /**
     * The command for a posting whose common fields were checked; the faults of this type's own fields go to
     * {@code fields} (the command is then never used).
     */
    PostingCommand toCommand(Posting posting, FieldChecks fields);

    /** Whether the ledger dates the transaction itself (a date sent with it is ignored). */
    default boolean datedByLedger() {
        return false;
    }

    @Override
    default String type() {
        return TransactionRequests.typeName(getClass());
    }

    @Override
    default RequestCheck command(String principal) {
        return RequestChecks.check(this, principal, List.of());
    }

    /** The request as its idempotency record stores it, and as its fingerprint is taken of. */
    default String canonical() {
        return CanonicalRequests.text(this);
    }

    /** The SHA-256 of the canonical text: equal bodies (up to field order and amount spelling) have equal ones. */
    default String fingerprint() {
        return CanonicalRequests.sha256(canonical());
    }
}
