package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's schema holds no table that nothing reads or writes. */
class LedgerTablesTest extends LedgerIntegrationTest {

    @Test
    void axon_s_token_table_is_gone() {
        // token_entry (Axon's tracking tokens) went in V8: no tracking processor ever ran; the budget-line view
        // is a subscribing processor, updated in the posting's own transaction
        assertThat(superuser.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'ledger' ORDER BY tablename")
                .query(String.class).list()).contains("domain_event_entry", "snapshot_event_entry").doesNotContain("token_entry");
    }
}
