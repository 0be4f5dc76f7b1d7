package org.budgetledger.projection.readmodel;

import org.budgetledger.platform.jdbc.SchemaOwner;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The projection owns the PostgreSQL schema {@code projection}, migrated with its own Flyway history as the
 * schema's owner; {@code db/projection/afterMigrate.sql} then grants the projection's role what it needs.
 */
@Configuration(proxyBeanMethods = false)
@Import(SchemaOwner.class)
public class ProjectionSchema {

    public static final String NAME = "projection";

    @Bean(initMethod = "migrate")
    public Flyway projectionFlyway(SchemaOwner owner) {
        return owner.flyway(NAME, "classpath:db/" + NAME);
    }
}
