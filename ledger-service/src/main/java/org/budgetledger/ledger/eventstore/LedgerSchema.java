package org.budgetledger.ledger.eventstore;

import org.budgetledger.platform.jdbc.SchemaOwner;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The ledger owns the PostgreSQL schema {@code ledger} and migrates it with its own Flyway history, so
 * that it can share a database with the projection (standalone) or have one to itself (compose). The
 * migrations run as the schema's owner; {@code db/ledger/afterMigrate.sql} then grants the ledger's own role
 * what it needs, and on the event store that is INSERT and SELECT only (issue #16).
 */
@Configuration(proxyBeanMethods = false)
@Import(SchemaOwner.class)
public class LedgerSchema {

    public static final String NAME = "ledger";

    @Bean(initMethod = "migrate")
    public Flyway ledgerFlyway(SchemaOwner owner) {
        return owner.flyway(NAME, "classpath:db/" + NAME);
    }
}
