package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #16: the role the ledger connects as may append to the event store and read it, and nothing more that
 * would let it rewrite history or reach outside its schemas: no superuser, no server files (where the sealing
 * key could be read), no UPDATE, DELETE or TRUNCATE of stored events or accepted transactions, no new schemas
 * or tables. Every attempt runs in a transaction rolled back afterwards, so that it would change nothing even
 * where it is wrongly allowed.
 */
class ApplicationRoleTest extends LedgerIntegrationTest {

    /** PostgreSQL's SQLSTATE for "permission denied". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_application_s_role_is_no_superuser_and_reads_no_server_files() {
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("SELECT pg_has_role(current_user, 'pg_read_server_files', 'USAGE')").query(Boolean.class).single())
                .isFalse();
        assertDenied("SELECT pg_read_file('PG_VERSION')");
        assertDenied("SELECT pg_ls_dir('.')");
        assertDenied("COPY ledger.unit FROM '/etc/hostname'");
    }

    @Test
    void stored_events_and_accepted_transactions_can_be_appended_and_read_but_not_changed_or_removed() {
        String unit = newUnit("R");
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "10.00"))
                .status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id = ?").param("a1" + unit)
                .query(Long.class).single()).isEqualTo(1);

        for (String table : new String[]{"ledger.domain_event_entry", "ledger.posted_transaction"}) {
            String key = table.endsWith("domain_event_entry") ? "transaction_id" : "id";
            assertDenied("UPDATE " + table + " SET " + key + " = " + key + " WHERE " + key + " = 'a1" + unit + "'");
            assertDenied("DELETE FROM " + table + " WHERE " + key + " = 'a1" + unit + "'");
            assertDenied("TRUNCATE " + table + " CASCADE");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?").param("a1" + unit)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nothing_can_be_created_outside_or_inside_the_service_s_schemas() {
        assertDenied("CREATE SCHEMA application_role_test");
        assertDenied("CREATE TABLE public.application_role_test (id int)");
        assertDenied("CREATE TABLE ledger.application_role_test (id int)");
        assertDenied("CREATE TEMPORARY TABLE application_role_test (id int)");
        assertDenied("ALTER TABLE ledger.domain_event_entry DISABLE TRIGGER ALL");
        assertDenied("DROP TABLE ledger.budget_line");
    }

    private void assertDenied(String sql) {
        DataAccessException refused = catchThrowableOfType(DataAccessException.class, () -> transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).update();
        }));
        assertThat(refused).as("%s was allowed", sql).isNotNull();
        assertThat(refused.getMostSpecificCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) refused.getMostSpecificCause()).getSQLState())
                .as("%s: %s", sql, refused.getMostSpecificCause().getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }
}
