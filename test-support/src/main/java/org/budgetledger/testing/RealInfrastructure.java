package org.budgetledger.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class the shared real PostgreSQL and Kafka (started on first use) and injects
 * {@link Infrastructure} into test methods and constructors that ask for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructure.Extension.class)
public @interface RealInfrastructure {

    final class Extension implements ParameterResolver, org.junit.jupiter.api.extension.BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            SharedInfrastructure.get();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Infrastructure.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return SharedInfrastructure.get();
        }
    }
}
