package org.budgetledger.ledger.posting;

/**
 * The idempotency record of an accepted transaction ({@code ledger.posted_transaction}), which its group inserts
 * in the same database transaction as the events, before them: they refer to it.
 */
record PostingRecord(String id, String type, String unit, int year, String fingerprint, String canonicalRequest,
                     String lineId, String principal) {
}
