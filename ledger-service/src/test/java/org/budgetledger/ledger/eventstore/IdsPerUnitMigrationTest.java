package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration to ids per unit (SPEC §4 v2) on a store written before it: every event keeps answering for
 * its transaction, ids become unique per unit only, and an event still needs an accepted transaction of its
 * own unit. Run on a scratch schema migrated to the version before.
 */
class IdsPerUnitMigrationTest extends LedgerIntegrationTest {

    /** The scratch schema is the test's own: created, written and dropped as the superuser, grants aside. */
    private final DataSource dataSource = SharedInfrastructure.superuser();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private String schema;

    @BeforeEach
    void storeOfTheVersionBefore() {
        schema = "ids_per_unit_" + UUID.randomUUID().toString().substring(0, 8);
        flyway().target("6").load().migrate();
        jdbc.sql("INSERT INTO " + schema + ".posted_transaction (id, type, unit, year, fingerprint, request, line_id, principal) "
                + "VALUES ('a1', 'APPROPRIATE', 'U1', 2023, repeat('0', 64), '{}', 'a1', 'clerk')").update();
        jdbc.sql("INSERT INTO " + schema + ".domain_event_entry (eventIdentifier, aggregateIdentifier, sequenceNumber, "
                + "type, timeStamp, payloadType, payload, transaction_id, recorded_at) "
                + "VALUES ('e1', 'U1:2023', 0, 'BudgetYear', '2023-01-10T02:00:00Z', 'x', '\\x7b7d'::bytea, 'a1', now())").update();
        jdbc.sql("INSERT INTO " + schema + ".budget_line (id, unit, year, fund, subject, origin, created_on, initial_fen) "
                + "VALUES ('a1', 'U1', 2023, 'GENERAL_BUDGET', '2140199', 'APPROPRIATION', DATE '2023-01-10', 100)").update();

        flyway().load().migrate();
    }

    @AfterEach
    void dropScratchSchema() {
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void events_stored_before_belong_to_their_budget_years_unit() {
        assertThat(jdbc.sql("SELECT unit FROM " + schema + ".domain_event_entry WHERE eventIdentifier = 'e1'")
                .query(String.class).single()).isEqualTo("U1");
    }

    @Test
    void another_unit_may_use_an_id_and_a_line_id_taken_before() {
        jdbc.sql("INSERT INTO " + schema + ".posted_transaction (id, type, unit, year, fingerprint, request, line_id, principal) "
                + "VALUES ('a1', 'APPROPRIATE', 'U2', 2023, repeat('0', 64), '{}', 'a1', 'clerk')").update();
        insertEvent("e2", "U2", "U2:2023", "a1");
        jdbc.sql("INSERT INTO " + schema + ".budget_line (id, unit, year, fund, subject, origin, created_on, initial_fen) "
                + "VALUES ('a1', 'U2', 2023, 'GENERAL_BUDGET', '2140199', 'APPROPRIATION', DATE '2023-01-10', 100)").update();

        assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".domain_event_entry WHERE transaction_id = 'a1'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_same_id_twice_in_one_unit_is_still_refused() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO " + schema + ".posted_transaction (id, type, unit, year, fingerprint, "
                + "request, line_id, principal) VALUES ('a1', 'PAY', 'U1', 2023, repeat('1', 64), '{}', null, 'clerk')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_event_needs_an_accepted_transaction_of_its_own_unit() {
        // U1 accepted a1; U3 did not: an event of U3's budget year for a1 cannot be stored
        assertThatThrownBy(() -> insertEvent("e3", "U3", "U3:2023", "a1")).isInstanceOf(DataIntegrityViolationException.class);
        // nor one that claims U1's transaction from U3's budget year
        assertThatThrownBy(() -> insertEvent("e4", "U1", "U3:2023", "a1")).isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insertEvent(String eventId, String unit, String aggregate, String transactionId) {
        jdbc.sql("INSERT INTO " + schema + ".domain_event_entry (eventIdentifier, aggregateIdentifier, sequenceNumber, "
                        + "type, timeStamp, payloadType, payload, transaction_id, unit, recorded_at) "
                        + "VALUES (?, ?, 0, 'BudgetYear', '2023-01-10T02:00:00Z', 'x', '\\x7b7d'::bytea, ?, ?, now())")
                .params(eventId, aggregate, transactionId, unit).update();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/ledger")
                .skipDefaultCallbacks(true);
    }
}
