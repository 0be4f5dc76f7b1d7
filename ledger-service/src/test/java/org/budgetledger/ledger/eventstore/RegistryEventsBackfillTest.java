package org.budgetledger.ledger.eventstore;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written before units and catalog codes were events (SPEC §12): on start, each unit and each code
 * added through the API gets its event, once, chained and sealed, and the history still verifies.
 */
class RegistryEventsBackfillTest extends LedgerIntegrationTest {

    @Autowired
    RegistryEventsBackfill backfill;

    @Test
    void units_and_codes_stored_without_events_get_them_on_start_exactly_once_and_the_history_verifies() {
        String unit = "OLD" + UUID.randomUUID().toString().substring(0, 8);
        String subject = unusedCode("ledger.subject", "20199");
        String economic = unusedCode("ledger.economic", "399");
        // as the version before wrote them: rows, no events
        jdbc.sql("INSERT INTO ledger.unit (code, name) VALUES (?, '旧单位')").param(unit).update();
        jdbc.sql("INSERT INTO ledger.subject (code, name) VALUES (?, '旧项')").param(subject).update();
        jdbc.sql("INSERT INTO ledger.economic (code, name) VALUES (?, '旧经济分类')").param(economic).update();
        assertThat(eventsOf(unit)).isZero();

        backfill.run();

        assertThat(eventsOf(unit)).isEqualTo(1);
        assertThat(catalogEvents("catalog:SUBJECTS", subject)).isEqualTo(1);
        assertThat(catalogEvents("catalog:ECONOMIC", economic)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? AND seal IS NOT NULL "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"principal\":\"migration\"%'").param(unit).query(Long.class).single()).isEqualTo(1);

        backfill.run(); // a restart

        assertThat(eventsOf(unit)).isEqualTo(1);
        assertThat(catalogEvents("catalog:SUBJECTS", subject)).isEqualTo(1);
        assertThat(catalogEvents("catalog:ECONOMIC", economic)).isEqualTo(1);
        assertThat(api().postRaw("/api/v1/audit/verify", "").body().path("ok").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/units/" + unit).body().path("history").get(0).path("sequence").isNumber()).isTrue();
    }

    @Test
    void the_built_in_catalog_gets_no_events() {
        backfill.run();

        assertThat(catalogEvents("catalog:SUBJECTS", "2140199")).isZero();
        assertThat(catalogEvents("catalog:ECONOMIC", "30201")).isZero();
    }

    private String unusedCode(String table, String prefix) {
        for (int suffix = 10; suffix < 100; suffix++) {
            String code = prefix + suffix;
            if (jdbc.sql("SELECT count(*) FROM " + table + " WHERE code = ?").param(code).query(Long.class).single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no unused code under " + prefix);
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?").param(aggregate)
                .query(Long.class).single();
    }

    private long catalogEvents(String aggregate, String code) {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? AND convert_from(payload, 'UTF8') LIKE ?")
                .params(aggregate, "%\"code\":\"" + code + "\"%").query(Long.class).single();
    }
}
