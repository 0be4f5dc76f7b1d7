package org.budgetledger.ledger.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * On start, before anything is appended (it runs when the bean is made, before {@link RegistryEventsBackfill} and
 * before the ledger takes requests): every stored event without its leaf in the Merkle tree gets it, in sequence
 * order — a whole existing store at the first start after V11__merkle_tree.sql. A page of {@value #PAGE} events a
 * transaction, each under the append lock, so that another instance appending meanwhile finds a tree that holds
 * every committed event. Idempotent: a store whose tree is complete reads one row.
 */
@Component
@DependsOn("ledgerFlyway")
class MerkleTreeBackfill implements InitializingBean {

    /** Events a transaction: a few MB of payloads read, this many rows written. */
    static final int PAGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MerkleTreeBackfill.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    MerkleTreeBackfill(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        run();
    }

    /** @return how many events got their leaves */
    long run() {
        long added = 0;
        long started = System.nanoTime();
        while (true) {
            Integer page = transaction.execute(status -> page());
            added += page == null ? 0 : page;
            if (page == null || page < PAGE) {
                break;
            }
            log.info("event=merkle_tree_backfill_progress events={}", added);
        }
        if (added > 0) {
            log.info("event=merkle_tree_backfilled events={} millis={}", added, (System.nanoTime() - started) / 1_000_000);
        }
        return added;
    }

    private int page() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CommitOrderedAppend.APPEND_LOCK_KEY);
                lock.execute();
            }
            return MerkleTreeStore.catchUp(connection, MerkleTreeStore.tip(connection), PAGE);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not add the stored events to the Merkle tree", failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
