package org.budgetledger.ledger;

import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger service over HTTP on the shared PostgreSQL and Kafka; every test class extending this shares one
 * application context. Tests keep out of each other's way by working in units of their own.
 */
@RealInfrastructure
@SpringBootTest(classes = LedgerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;
    /** The database as the ledger's own role sees it. */
    @Autowired
    protected JdbcClient jdbc;
    /** The database as its superuser: for tampering on purpose, which the ledger's role may not do. */
    protected final JdbcClient superuser = JdbcClient.create(SharedInfrastructure.superuser());

    /** As the test administrator. */
    protected HttpApi api() {
        return new HttpApi(port);
    }

    /** Registers a unit no other test uses and returns its code. */
    protected String newUnit(String prefix) {
        String unit = prefix + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/units", Map.of("code", unit, "name", "测试单位")).status()).isEqualTo(201);
        return unit;
    }

    /** A 项 of 款 21401 that no test of the shared ledger added yet (they add theirs from that 款). */
    protected String unusedSubject() {
        for (int suffix = 10; suffix < 100; suffix++) {
            String code = "21401" + suffix;
            if (jdbc.sql("SELECT count(*) FROM ledger.subject WHERE code = ?").param(code).query(Long.class).single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no unused subject code");
    }
}
