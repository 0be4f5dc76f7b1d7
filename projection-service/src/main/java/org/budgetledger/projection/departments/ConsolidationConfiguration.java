package org.budgetledger.projection.departments;

import org.budgetledger.projection.readmodel.FactQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The consolidation of departments' reports, over the department structure the projection knows. */
@Configuration(proxyBeanMethods = false)
class ConsolidationConfiguration {

    @Bean
    Consolidation consolidation(FactQueries facts, DepartmentStructure structure) {
        return new Consolidation(facts, structure);
    }

    /**
     * Until the projection applies the units' registry events (SPEC §12), it knows no parent of any unit: every
     * department is its unit alone. The structure built from those events replaces this one.
     */
    @Bean
    @ConditionalOnMissingBean(DepartmentStructure.class)
    DepartmentStructure unitsAlone() {
        return (unit, period) -> List.of(unit);
    }
}
