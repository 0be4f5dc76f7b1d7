package org.budgetledger.projection.readmodel;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The projection owns the PostgreSQL schema {@code projection}, migrated with its own Flyway history. */
@Configuration(proxyBeanMethods = false)
public class ProjectionSchema {

    public static final String NAME = "projection";

    @Bean(initMethod = "migrate")
    public Flyway projectionFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(NAME)
                .locations("classpath:db/projection")
                .load();
    }
}
