package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's connections send a batch of INSERTs as multi-row INSERTs (a posting group's events are one batch):
 * the driver then reports no count per row, which is how a test can tell.
 */
class BatchedInsertsTest extends LedgerIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_batch_of_inserts_goes_as_multi_row_inserts() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int[] counts;
            // into a table the ledger's role may write, rolled back: nothing stays
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger.budget_line (id, unit, year, "
                    + "fund, subject, origin, created_on, initial_fen) VALUES (?, 'BATCHED', 2023, 'GENERAL_BUDGET', "
                    + "'2140199', 'APPROPRIATION', DATE '2023-01-10', 0)")) {
                for (int n = 0; n < 4; n++) {
                    insert.setString(1, "line-" + n);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            // four rows: the driver joins rows in powers of two (a row left over would go alone, with its count)
            assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
        }
    }
}
