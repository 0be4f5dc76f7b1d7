package org.budgetledger.web;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void an_unreachable_database_is_recognised_however_deeply_it_is_wrapped() {
        Exception noConnection = new IllegalStateException("command failed", new RuntimeException("handler failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")));
        Exception cut = new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception shutdown = new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));

        // HikariCP's proxy of a connection the pool closed when the database went away: no SQLSTATE at all
        Exception closedByPool = new IllegalStateException("Failed to create a SQL statement", new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isOutage(noConnection)).isTrue();
        assertThat(DatabaseFailures.isOutage(closedByPool)).isTrue();
        assertThat(DatabaseFailures.isOutage(cut)).isTrue();
        assertThat(DatabaseFailures.isOutage(shutdown)).isTrue();
        assertThat(DatabaseFailures.reason(cut)).isEqualTo("An I/O error occurred while sending to the backend.");
    }

    @Test
    void text_postgresql_cannot_hold_is_the_request_s_fault() {
        Exception nul = new RuntimeException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(DatabaseFailures.isUnstorableText(nul)).isTrue();
        assertThat(DatabaseFailures.isOutage(nul)).isFalse();
    }

    @Test
    void other_failures_stay_failures() {
        assertThat(DatabaseFailures.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseFailures.isOutage(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnstorableText(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }
}
