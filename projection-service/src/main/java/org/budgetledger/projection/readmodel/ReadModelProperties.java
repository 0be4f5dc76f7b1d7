package org.budgetledger.projection.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code budgetledger.projection.*} of the read model.
 *
 * @param checkpointFacts facts of a unit-year recorded between two checkpoints of knowledge, at least
 *                        ({@link FactCheckpoints}); the default is in {@code budgetledger/projection.properties}
 */
@ConfigurationProperties("budgetledger.projection")
public record ReadModelProperties(int checkpointFacts) {
}
