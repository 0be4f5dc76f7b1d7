package org.budgetledger.projection.departments;

import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The consolidation of departments' reports, over the department structure the projection knows. */
@Configuration(proxyBeanMethods = false)
class ConsolidationConfiguration {

    @Bean
    Consolidation consolidation(FactQueries facts, DepartmentStructure structure, UnitAccess access, ProjectionSettings settings) {
        return new Consolidation(facts, structure, access, Clock.system(settings.reports().zone()));
    }
}
