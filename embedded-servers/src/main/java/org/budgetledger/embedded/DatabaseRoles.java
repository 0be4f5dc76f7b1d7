package org.budgetledger.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The two roles the services work as on PostgreSQL (issue #16), as docs/OPERATIONS.md has an operator create
 * them on an external server:
 * <ul>
 *   <li>{@link #OWNER} owns the schemas {@code ledger} and {@code projection}; the services migrate them as it,
 *       and as it grant the application's role what it needs (each schema's {@code afterMigrate.sql});</li>
 *   <li>{@link #APPLICATION} is the role the services connect as: no superuser, no server files, no new
 *       schemas; on the event store INSERT and SELECT only.</li>
 * </ul>
 * Neither is a superuser or may create databases or roles. Provisioning is idempotent: it also enforces the
 * attributes and passwords of roles that exist, and gives the owner the schemas an older version created as
 * the superuser.
 */
public final class DatabaseRoles {

    public static final String OWNER = "budgetledger_owner";
    public static final String APPLICATION = "budgetledger_app";
    /** The schemas of the services, which older versions created as the superuser. */
    private static final List<String> SCHEMAS = List.of("ledger", "projection");
    private static final String ATTRIBUTES = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    public record Logins(Login owner, Login application) {
    }

    private DatabaseRoles() {
    }

    /** A random password (192 bits, URL-safe base64), for roles whose password nobody keeps (test servers). */
    public static String newPassword() {
        return GeneratedPasswords.generate();
    }

    /**
     * Creates (or brings into line) both roles with the given passwords, gives the owner the right to create
     * schemas in the connection's database, takes from everyone else the right to create anything in it
     * (schema {@code public}, temporary tables), and gives the owner the services' schemas if another role owns
     * them. Runs in one transaction, as a superuser.
     */
    public static Logins provision(Connection superuser, String ownerPassword, String applicationPassword) throws SQLException {
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        try (Statement sql = superuser.createStatement()) {
            role(sql, OWNER, ATTRIBUTES + " INHERIT", ownerPassword);
            // NOINHERIT: were it ever made a member of a privileged role, it would not act with that role's rights
            role(sql, APPLICATION, ATTRIBUTES + " NOINHERIT", applicationPassword);
            for (String membership : memberships(superuser, APPLICATION)) {
                sql.execute("REVOKE " + identifier(membership) + " FROM " + APPLICATION);
            }
            String database = identifier(currentDatabase(superuser));
            sql.execute("GRANT CONNECT, CREATE ON DATABASE " + database + " TO " + OWNER);
            sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + APPLICATION);
            sql.execute("REVOKE TEMPORARY ON DATABASE " + database + " FROM PUBLIC");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            for (String schema : SCHEMAS) {
                giveToOwner(superuser, sql, schema);
            }
            superuser.commit();
        } catch (SQLException | RuntimeException failed) {
            superuser.rollback();
            throw failed;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
        return new Logins(new Login(OWNER, ownerPassword), new Login(APPLICATION, applicationPassword));
    }

    private static void role(Statement sql, String name, String attributes, String password) throws SQLException {
        sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(name) + ") THEN CREATE ROLE "
                + name + "; END IF; END $$");
        sql.execute("ALTER ROLE " + name + " WITH " + attributes + " PASSWORD " + literal(password));
    }

    private static List<String> memberships(Connection superuser, String role) throws SQLException {
        List<String> granted = new ArrayList<>();
        try (PreparedStatement query = superuser.prepareStatement("SELECT granted.rolname FROM pg_auth_members m "
                + "JOIN pg_roles granted ON granted.oid = m.roleid JOIN pg_roles member ON member.oid = m.member "
                + "WHERE member.rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    granted.add(rows.getString(1));
                }
            }
        }
        return granted;
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * The schema and what is in it, if someone else owns them. Identity sequences follow their tables; indexes
     * too. An older version's superuser created these: the owner needs them to migrate and to grant.
     */
    private static void giveToOwner(Connection superuser, Statement sql, String schema) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (PreparedStatement query = superuser.prepareStatement("""
                SELECT 'ALTER SCHEMA ' || quote_ident(n.nspname) || ' OWNER TO ' || quote_ident(?)
                FROM pg_namespace n WHERE n.nspname = ? AND pg_get_userbyid(n.nspowner) <> ?
                UNION ALL
                SELECT 'ALTER ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                   WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END
                       || ' ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' OWNER TO ' || quote_ident(?)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_get_userbyid(c.relowner) <> ?
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.deptype IN ('a', 'i'))
                UNION ALL
                SELECT 'ALTER ROUTINE ' || p.oid::regprocedure::text || ' OWNER TO ' || quote_ident(?)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ? AND pg_get_userbyid(p.proowner) <> ?""")) {
            for (int part = 0; part < 3; part++) {
                query.setString(part * 3 + 1, OWNER);
                query.setString(part * 3 + 2, schema);
                query.setString(part * 3 + 3, OWNER);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
            }
        }
        for (String change : changes) {
            sql.execute(change);
        }
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal (standard_conforming_strings is on by default since PostgreSQL 9.1). */
    static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("no NUL in a PostgreSQL string");
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
