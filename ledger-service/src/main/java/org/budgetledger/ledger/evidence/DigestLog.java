package org.budgetledger.ledger.evidence;

import org.budgetledger.ledger.eventstore.LedgerSchema;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every digest the ledger signed (V13__signed_digest.sql), and which of them are not yet on the digest topic. A row is
 * written in its own transaction, committed before the digest is published (the publisher reads only committed rows),
 * and never changed but for the instant it was published. Writing one takes no lock an append waits on.
 */
@Repository
@DependsOn("ledgerFlyway")
public class DigestLog {

    private static final String TABLE = LedgerSchema.NAME + ".signed_digest";
    private static final String COLUMNS = "tree_size, root_hash, recorded_at, signature, key_id, sequence, hash";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    /** The digest this instance kept last: asked again while the tree is unchanged, it is not written again. */
    private final AtomicReference<SignedDigest> lastKept = new AtomicReference<>();

    DigestLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Keeps the digest (once per tree size and key: signing the same tree again gives the same digest). Its commit does
     * not wait for the WAL to be flushed: {@code GET /api/v1/audit/digest} answers within a few milliseconds (SPEC §16,
     * issue #22), and a row a crash loses is harmless — the digest stays valid wherever it went, and the scheduled signer
     * signs the tree again when the largest digest kept is smaller than the tree.
     */
    void record(SignedDigest digest) {
        SignedDigest last = lastKept.get();
        if (last != null && last.treeSize() == digest.treeSize() && last.keyId().equals(digest.keyId())) {
            return; // kept already: the same tree size under the same key is the same digest, byte for byte
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            jdbc.sql("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tree_size, key_id) DO NOTHING")
                    .params(digest.treeSize(), digest.rootHash(), digest.recordedAt(), digest.signature(), digest.keyId(),
                            digest.sequence(), digest.hash())
                    .update();
        });
        lastKept.set(digest);
    }

    /** The largest tree size signed so far, or -1 when none was. */
    public long largestSigned() {
        return jdbc.sql("SELECT coalesce(max(tree_size), -1) FROM " + TABLE).query(Long.class).single();
    }

    /** The digests not yet acknowledged on the topic, smallest tree first, at most {@code limit}. */
    public List<SignedDigest> unpublished(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE published_at IS NULL ORDER BY tree_size, key_id LIMIT ?")
                .param(limit)
                .query((row, number) -> new SignedDigest(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getString(7), row.getLong(1)))
                .list();
    }

    /** Records that the broker acknowledged the digest on the topic. */
    public void published(SignedDigest digest) {
        jdbc.sql("UPDATE " + TABLE + " SET published_at = now() WHERE tree_size = ? AND key_id = ? AND published_at IS NULL")
                .params(digest.treeSize(), digest.keyId()).update();
    }
}
