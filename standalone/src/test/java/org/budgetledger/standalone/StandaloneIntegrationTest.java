package org.budgetledger.standalone;

import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Both services in one process, as the launcher runs them, on the shared PostgreSQL and Kafka; every test
 * class extending this shares one application context (with metrics export on, as in production: Spring
 * Boot tests switch it off unless asked).
 */
@RealInfrastructure
@AutoConfigureObservability
@SpringBootTest(classes = StandaloneLauncher.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StandaloneIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;
}
