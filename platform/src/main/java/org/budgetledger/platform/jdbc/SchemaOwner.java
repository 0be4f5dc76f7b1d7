package org.budgetledger.platform.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.budgetledger.platform.settings.PlatformSettings;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The role that owns the services' schemas (issue #16). The services connect as the application's role
 * ({@code spring.datasource.username}), which may only do what the owner grants it; every migration, and
 * every other change of structure (a replay's scratch schema), runs as the owner
 * ({@code budgetledger.database.owner-username} / {@code .owner-password}). After each migration the owner
 * grants the application's role what it needs: the {@code afterMigrate.sql} beside each schema's migrations,
 * which revokes everything else first.
 *
 * <p>Without an owner of its own (none configured, or the same role as the application's) the migrations run
 * as the application's role and grant nothing, as before: it then owns its tables and can rewrite them, and
 * a warning says so.
 */
@Component
@EnableConfigurationProperties(PlatformSettings.class)
public class SchemaOwner {

    private static final Logger log = LoggerFactory.getLogger(SchemaOwner.class);

    private final DataSource application;
    private final String url;
    private final String ownerUsername;
    private final String ownerPassword;
    private final AtomicBoolean warned = new AtomicBoolean();

    public SchemaOwner(DataSource application, @Value("${spring.datasource.url:}") String url, PlatformSettings settings) {
        this.application = application;
        this.url = url;
        this.ownerUsername = settings.database().ownerUsername();
        this.ownerPassword = settings.database().ownerPassword();
    }

    /** Flyway for the schema and its migrations at {@code location}, run as the owner; not migrated yet. */
    public Flyway flyway(String schema, String location) {
        String applicationRole = JdbcClient.create(application).sql("SELECT current_user").query(String.class).single();
        boolean separate = ownerConfigured() && !ownerUsername.equals(applicationRole);
        if (!separate && warned.compareAndSet(false, true)) {
            log.warn("event=database_owner_not_separate role={} note=\"the application's role owns its schemas and can change "
                    + "or delete stored events; set budgetledger.database.owner-username (docs/OPERATIONS.md, threat model)\"",
                    applicationRole);
        }
        FluentConfiguration configuration = Flyway.configure()
                .schemas(schema)
                .locations(location)
                .placeholders(Map.of("application", identifier(applicationRole)))
                // afterMigrate.sql grants to another role; the owner must not revoke its own rights
                .skipDefaultCallbacks(!separate);
        return (separate ? configuration.dataSource(url, ownerUsername, ownerPassword) : configuration.dataSource(application))
                .load();
    }

    public void migrate(String schema, String location) {
        MigrateResult result = flyway(schema, location).migrate();
        // one line per schema (Flyway's own lines, one per migration, are quieted in the standalone's start-up)
        log.info("event=schema_migrated schema={} from={} to={} applied={}", schema, result.initialSchemaVersion,
                result.targetSchemaVersion, result.migrationsExecuted);
    }

    /** A statement that changes structure (DDL), run as the owner. */
    public void execute(String ddl) {
        try (Connection owner = ownerConfigured() ? DriverManager.getConnection(url, ownerUsername, ownerPassword)
                : application.getConnection();
             Statement statement = owner.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException failed) {
            throw new IllegalStateException("the schema owner could not run: " + ddl, failed);
        }
    }

    private boolean ownerConfigured() {
        return !ownerUsername.isBlank();
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
