package org.budgetledger.projection.readmodel;

import org.budgetledger.projection.settings.ProjectionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The live read model, in the schema {@code projection}; replays build their own in scratch schemas. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
class ReadModelConfiguration {

    @Bean
    @DependsOn("projectionFlyway")
    ReadModelWriter readModelWriter(JdbcTemplate jdbc, TransactionTemplate transactions,
                                    ProjectionSettings settings) {
        return ReadModelWriter.complete(jdbc, transactions, ProjectionSchema.NAME, settings.projection().checkpointFacts());
    }

    @Bean
    @DependsOn("projectionFlyway")
    FactQueries factQueries(JdbcClient jdbc, TransactionTemplate transactions) {
        return new FactQueries(jdbc, ProjectionSchema.NAME, transactions);
    }

    @Bean
    @DependsOn("projectionFlyway")
    CellFacts cellFacts(JdbcClient jdbc, ProjectionSettings settings) {
        return new CellFacts(jdbc, ProjectionSchema.NAME, settings.projection().checkpointFacts());
    }

    @Bean
    @DependsOn("projectionFlyway")
    MonitoringQueries monitoringQueries(JdbcClient jdbc) {
        return new MonitoringQueries(jdbc, ProjectionSchema.NAME);
    }
}
