package org.budgetledger.testing;

import org.budgetledger.embedded.DatabaseRoles;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of a test's own beside the shared one, on the same server, for tests that tamper with the store as its
 * superuser: created empty the first time it is asked for, with the same roles as the shared database (the services
 * run as their application role, migrating as the owner).
 */
public final class OwnDatabase {

    private final String name;
    private String url;

    public OwnDatabase(String name) {
        this.name = name;
    }

    /** The JDBC URL of the database, created empty the first time it is asked for. */
    public synchronized String url() {
        if (url == null) {
            Infrastructure shared = SharedInfrastructure.get();
            String own = shared.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            try (Connection server = DriverManager.getConnection(shared.jdbcUrl(), shared.superuserUsername(),
                    shared.superuserPassword());
                 Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException failed) {
                throw new IllegalStateException("could not create the database " + name, failed);
            }
            try (Connection database = DriverManager.getConnection(own, shared.superuserUsername(), shared.superuserPassword())) {
                DatabaseRoles.provision(database, shared.ownerPassword(), shared.password());
            } catch (SQLException failed) {
                throw new IllegalStateException("could not provision the roles in the database " + name, failed);
            }
            url = own;
        }
        return url;
    }

    /** The database as its superuser sees it: every table, every right. */
    public PGSimpleDataSource superuser() {
        Infrastructure shared = SharedInfrastructure.get();
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setURL(url());
        superuser.setUser(shared.superuserUsername());
        superuser.setPassword(shared.superuserPassword());
        return superuser;
    }
}
