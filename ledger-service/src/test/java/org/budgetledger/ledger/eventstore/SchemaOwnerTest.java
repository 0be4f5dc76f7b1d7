package org.budgetledger.ledger.eventstore;

import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.platform.jdbc.SchemaOwner;
import org.budgetledger.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An older external set-up: the services on one role, which owns its schemas, and no owner configured. It keeps
 * working as it did — migrations as that role, no grants, no revocations of the role's own rights — and is
 * warned about (issue #16). Run in a database of its own.
 */
@RealInfrastructure
class SchemaOwnerTest {

    @Test
    void a_single_role_without_an_owner_configured_migrates_as_before_and_keeps_its_rights(Infrastructure infrastructure) {
        String name = "single_role_" + UUID.randomUUID().toString().substring(0, 8);
        String password = DatabaseRoles.newPassword();
        JdbcClient superuser = JdbcClient.create(SharedInfrastructure.superuser());
        superuser.sql("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'").update();
        superuser.sql("CREATE DATABASE " + name + " OWNER " + name).update();
        try {
            String url = infrastructure.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            PGSimpleDataSource single = new PGSimpleDataSource();
            single.setURL(url);
            single.setUser(name);
            single.setPassword(password);

            new SchemaOwner(single, url, new PlatformSettings(null, new PlatformSettings.Database("", ""))).migrate(LedgerSchema.NAME, "classpath:db/" + LedgerSchema.NAME);

            JdbcClient asTheRole = JdbcClient.create(single);
            asTheRole.sql("INSERT INTO ledger.unit (code, name) VALUES ('U1', 'kept')").update();
            assertThat(asTheRole.sql("DELETE FROM ledger.unit WHERE code = 'U1'").update()).isEqualTo(1);
            assertThat(asTheRole.sql("SELECT count(*) FROM ledger.flyway_schema_history").query(Long.class).single()).isPositive();
        } finally {
            superuser.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
            superuser.sql("DROP ROLE IF EXISTS " + name).update();
        }
    }
}
