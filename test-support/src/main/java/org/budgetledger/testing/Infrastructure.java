package org.budgetledger.testing;

/** A real PostgreSQL and a real Kafka broker for tests, shared by every test of a test run. */
public interface Infrastructure {

    String jdbcUrl();

    String username();

    String password();

    String bootstrapServers();

    /** Makes the broker unreachable (stopped or paused) until {@link #startBroker()}; its data is kept. */
    void stopBroker();

    void startBroker();

    /** Which kind this is, for the test log: "containers" or "embedded". */
    String kind();
}
