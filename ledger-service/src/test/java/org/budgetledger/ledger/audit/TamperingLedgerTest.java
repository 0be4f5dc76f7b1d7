package org.budgetledger.ledger.audit;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.OwnDatabase;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
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
 * For tests that tamper with the store on purpose: the ledger on the shared PostgreSQL and Kafka, but on a
 * database and a topic of its own, created afresh for the test run. What these tests delete, forge and hand
 * out again (a sequence freed by deleting the newest events is handed out again, to an event the publisher
 * never publishes) stays out of the shared store and topic, which other tests verify and compare. Every class
 * extending this shares one application context; each leaves its store as it found it. As
 * {@link LedgerIntegrationTest} otherwise (which cannot be extended for this: its registration of the shared
 * database would be applied after this one's).
 */
@RealInfrastructure
@SpringBootTest(classes = LedgerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TamperingLedgerTest {

    static final String DATABASE = "tampering";
    private static final OwnDatabase OWN = new OwnDatabase(DATABASE);
    static final String TOPIC = "budget-ledger.events.tampering";


    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    /** This run's own database as its superuser: the ledger's own role may not change or delete stored events. */
    protected final JdbcClient superuser = JdbcClient.create(OWN.superuser());

    /** The shared infrastructure, with a database and a topic of its own. */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
        registry.add("spring.datasource.url", OWN::url);
        registry.add("budgetledger.events.topic", () -> TOPIC);
    }



    @BeforeEach
    void onItsOwnDatabase() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE);
    }

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
}
