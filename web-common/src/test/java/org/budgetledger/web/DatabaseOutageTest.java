package org.budgetledger.web;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void an_unreachable_database_is_recognised_however_deeply_it_is_wrapped() {
        Exception noConnection = new IllegalStateException("command failed", new RuntimeException("handler failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")));
        Exception cut = new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception shutdown = new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseOutage.isCauseOf(noConnection)).isTrue();
        assertThat(DatabaseOutage.isCauseOf(cut)).isTrue();
        assertThat(DatabaseOutage.isCauseOf(shutdown)).isTrue();
        assertThat(DatabaseOutage.reason(cut)).isEqualTo("An I/O error occurred while sending to the backend.");
    }

    @Test
    void other_failures_stay_failures() {
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }
}
