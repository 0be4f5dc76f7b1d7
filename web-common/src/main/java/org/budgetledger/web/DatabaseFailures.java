package org.budgetledger.web;

import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * The database failures that are no bug of ours, found however deeply Axon or Spring wrapped them:
 * an outage (no connection from the pool in time, a connection cut by a restart: SQLSTATE class 08, or
 * 57P01…57P03, the server shutting down, or a pooled connection closed under the request), answered 503 — the request stored nothing and may be sent again;
 * and text PostgreSQL cannot hold (a NUL character: 22021, 22P05), answered 400.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isOutage(Throwable failure) {
        return find(failure, DatabaseFailures::outage) != null;
    }

    static boolean isUnstorableText(Throwable failure) {
        return find(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals("22021") || sql.getSQLState().equals("22P05"))) != null;
    }

    /** The outage's own message, for the log line. */
    static String reason(Throwable failure) {
        Throwable outage = find(failure, DatabaseFailures::outage);
        return outage == null ? "" : String.valueOf(outage.getMessage()).replace('"', '\'');
    }

    private static boolean outage(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        if (sql.getSQLState() == null) {
            // HikariCP's proxy of a connection the pool closed when the database went away says only this
            return "Connection is closed".equals(sql.getMessage());
        }
        return sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]");
    }

    private static Throwable find(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.test(cause)) {
                return cause;
            }
        }
        return null;
    }
}
