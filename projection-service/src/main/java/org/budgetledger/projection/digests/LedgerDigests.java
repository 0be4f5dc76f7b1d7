package org.budgetledger.projection.digests;

import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's signed digests as the projection received them (V16__ledger_digest.sql), and the one a report states.
 * A digest covers the events up to its tree's newest leaf, whose sequence it carries; the store's leaves are its
 * events in sequence order, so it covers every event of that sequence or less.
 */
@Repository
@DependsOn("projectionFlyway")
public class LedgerDigests {

    private static final String SCHEMA = ProjectionSchema.NAME;

    /** A digest as received: the digest, and the sequence of its tree's newest event (0 for the empty tree). */
    public record Received(LedgerDigest digest, long sequence) {
    }

    private final JdbcClient jdbc;

    LedgerDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps each digest once (a redelivered one is the same row). */
    public void store(List<Received> received) {
        for (Received each : received) {
            LedgerDigest digest = each.digest();
            jdbc.sql("INSERT INTO " + SCHEMA + ".ledger_digest (tree_size, key_id, root_hash, recorded_at, signature, sequence) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tree_size, key_id) DO NOTHING")
                    .params(digest.treeSize(), digest.keyId(), digest.rootHash(), digest.recordedAt(), digest.signature(), each.sequence())
                    .update();
        }
    }

    /**
     * What a report of {@code knownAt} states: the smallest signed digest that covers every event the projection
     * applied among those recorded at or before knownAt (the newest of them is the one of the largest sequence:
     * recordedAt never decreases along the sequence), or none when no digest received covers them yet.
     */
    public DigestStatement covering(Instant knownAt) {
        long newest = jdbc.sql("SELECT sequence FROM " + SCHEMA + ".applied_event WHERE recorded_at <= ? "
                        + "ORDER BY recorded_at DESC, sequence DESC LIMIT 1")
                .param(Timestamp.from(knownAt)).query(Long.class).optional().orElse(0L);
        return covering(newest);
    }

    /** What a document states that already read its newest applied event (0: none): the smallest digest holding it. */
    public DigestStatement covering(long newestSequence) {
        return new DigestStatement(coveringSequence(newestSequence).orElse(null));
    }

    /** The smallest signed digest whose tree holds the event of {@code sequence} (and so every one before it). */
    public Optional<LedgerDigest> coveringSequence(long sequence) {
        return jdbc.sql("SELECT tree_size, root_hash, recorded_at, signature, key_id FROM " + SCHEMA + ".ledger_digest "
                        + "WHERE sequence >= ? ORDER BY sequence, tree_size, key_id LIMIT 1")
                .param(sequence)
                .query((row, number) -> new LedgerDigest(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)))
                .optional();
    }
}
