package org.budgetledger.ledger.audit;

/**
 * What an auditor keeps outside the system: the newest event's sequence and hash, which commit to the
 * whole history before them (and how many events that was, for reading convenience).
 */
public record Digest(long sequence, String hash, Long events) {
}
