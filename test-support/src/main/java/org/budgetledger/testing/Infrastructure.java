package org.budgetledger.testing;

import org.budgetledger.embedded.DatabaseRoles;

/**
 * A real PostgreSQL and a real Kafka broker for tests, shared by every test of a test run. The database has the
 * roles production has (issue #16): the services connect as the application's role and migrate as the schemas'
 * owner; a superuser is kept for tests that tamper with the store on purpose.
 */
public interface Infrastructure {

    String jdbcUrl();

    /** The services' two roles, provisioned as on the embedded server ({@link DatabaseRoles}). */
    DatabaseRoles.Logins roles();

    /** The application's role, as which the services connect ({@code spring.datasource.username}). */
    default String username() {
        return roles().application().username();
    }

    default String password() {
        return roles().application().password();
    }

    /** The owner of the services' schemas, as which they migrate ({@code budgetledger.database.owner-username}). */
    default String ownerUsername() {
        return roles().owner().username();
    }

    default String ownerPassword() {
        return roles().owner().password();
    }

    /** A superuser: what an attacker who has the whole database can do, for tests that tamper on purpose. */
    String superuserUsername();

    String superuserPassword();

    String bootstrapServers();

    /** Makes the broker unreachable (stopped or paused) until {@link #startBroker()}; its data is kept. */
    void stopBroker();

    void startBroker();

    /** Which kind this is, for the test log: "containers" or "embedded". */
    String kind();
}
