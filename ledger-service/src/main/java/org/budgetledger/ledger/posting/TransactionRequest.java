package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /api/v1/transactions}: the union of every type's fields, exactly as received.
 * Which fields a type takes, and what each may hold, is the {@link TransactionValidator}'s business.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionRequest(
        String id, String type, String unit, Integer year, String date, String memo, String voucher,
        String fund, String subject, String kind, String project, String economic, AmountText amount,
        String line, String from, String to, String reason, String payment, String payee, String method,
        String category) {
}
