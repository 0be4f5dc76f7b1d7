package org.budgetledger.projection.departments;

import org.budgetledger.projection.readmodel.FactQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The consolidation of departments' reports, over the department structure the projection knows. */
@Configuration(proxyBeanMethods = false)
class ConsolidationConfiguration {

    /**
     * Until the projection applies the units' registry events (SPEC §12) and gives the context its
     * {@link DepartmentStructure}, it knows no parent of any unit: every department is its unit alone. Asked for
     * here rather than declared as a default bean, so that it does not depend on the order beans are declared in.
     */
    @Bean
    Consolidation consolidation(FactQueries facts, ObjectProvider<DepartmentStructure> structures) {
        return new Consolidation(facts, structures.getIfAvailable(() -> (unit, period) -> List.of(unit)));
    }
}
