package org.budgetledger.projection.readmodel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The live read model, in the schema {@code projection}; replays build their own in scratch schemas. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    @DependsOn("projectionFlyway")
    ReadModelWriter readModelWriter(JdbcTemplate jdbc, TransactionTemplate transactions,
                                    @Value("${budgetledger.projection.checkpoint-facts}") int checkpointFacts) {
        return ReadModelWriter.complete(jdbc, transactions, ProjectionSchema.NAME, checkpointFacts);
    }

    @Bean
    @DependsOn("projectionFlyway")
    FactQueries factQueries(JdbcClient jdbc) {
        return new FactQueries(jdbc, ProjectionSchema.NAME);
    }
}
