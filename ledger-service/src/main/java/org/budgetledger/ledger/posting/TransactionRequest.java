package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/v1/transactions} (and an item of a batch, a row of a voucher file), as received:
 * one record per transaction type of SPEC §4 ({@link TypedRequest}), chosen by its {@code type} and holding the
 * common fields and its type's own, exactly as sent. A body whose type is missing or unknown, or which holds
 * fields of other types, binds too ({@link UntypedRequest}, {@link MisfitRequest}): what is wrong with it is its
 * rejection, answered with every other fault of its fields, as before. Bound by {@link TransactionRequests}.
 *
 * <p>The property order is the order the fields are listed in when a request is refused (foreign fields) and in
 * a voucher file's header check; fields of a type added later follow, in the order their records declare them.
 */
@JsonDeserialize(using = TransactionRequests.Reader.class)
@JsonPropertyOrder({"id", "type", "unit", "year", "date", "memo", "voucher", "fund", "subject", "kind", "project",
        "economic", "amount", "line", "from", "to", "reason", "payment", "payee", "method", "category",
        "counterparty"})
public sealed interface TransactionRequest permits TypedRequest, UntypedRequest, MisfitRequest {

    /** The transaction's id in its unit, its idempotency key; null when the body has none. */
    String id();

    /** The type as sent: one of the transaction types, or (when it is none) whatever the body held. */
    String type();

    String unit();

    Integer year();

    String date();

    String memo();

    String voucher();

    /** The command for its budget year, posted by {@code principal}, or the rejection naming every field that is wrong. */
    RequestCheck command(String principal);
}
