package org.budgetledger.ledger.eventstore;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The ledger owns the PostgreSQL schema {@code ledger} and migrates it with its own Flyway history, so
 * that it can share a database with the projection (standalone) or have one to itself (compose).
 */
@Configuration(proxyBeanMethods = false)
public class LedgerSchema {

    public static final String NAME = "ledger";

    @Bean(initMethod = "migrate")
    public Flyway ledgerFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(NAME)
                .locations("classpath:db/ledger")
                .load();
    }
}
