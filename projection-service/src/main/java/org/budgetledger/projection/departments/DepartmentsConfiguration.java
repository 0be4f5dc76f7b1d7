package org.budgetledger.projection.departments;

import org.budgetledger.web.security.UnitAccess;
import org.budgetledger.web.security.UnitTree;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SPEC §13 in the projection: a grant of a unit reads its department, as the unit events it applied say. */
@Configuration(proxyBeanMethods = false)
class DepartmentsConfiguration {

    @Bean
    UnitAccess unitAccess(UnitTree tree) {
        return new UnitAccess(tree);
    }
}
