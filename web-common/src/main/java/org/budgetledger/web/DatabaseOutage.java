package org.budgetledger.web;

import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means "PostgreSQL cannot be reached right now" — no connection from the pool in time,
 * a connection cut by a restart (SQLSTATE class 08, or 57P01…57P03: the server shutting down) — however
 * deeply Axon or Spring wrapped it. Such a request stored nothing and may be sent again: 503, not 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean isCauseOf(Throwable failure) {
        return outage(failure) != null;
    }

    static String reason(Throwable failure) {
        Throwable outage = outage(failure);
        return outage == null ? "" : String.valueOf(outage.getMessage()).replace('"', '\'');
    }

    private static Throwable outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
                return cause;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return cause;
            }
        }
        return null;
    }
}
