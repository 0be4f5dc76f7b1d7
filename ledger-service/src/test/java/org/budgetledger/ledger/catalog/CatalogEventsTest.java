package org.budgetledger.ledger.catalog;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §12: a code added to the catalog through the API is a CatalogCodeAdded event of the store; a refusal stores none. */
class CatalogEventsTest extends LedgerIntegrationTest {

    @Test
    void a_code_added_is_an_event_of_the_store_and_a_duplicate_adds_none() {
        String code = unusedSubject();

        HttpApi.Answer added = api().post("/api/v1/catalog/subjects", Map.of("code", code, "name", "新增项"));
        HttpApi.Answer again = api().post("/api/v1/catalog/subjects", Map.of("code", code, "name", "再次"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_CODE");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = 'catalog:SUBJECTS' "
                        + "AND unit IS NULL AND transaction_id IS NULL AND seal IS NOT NULL AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%\"code\":\"" + code + "\"%").query(Long.class).single()).isEqualTo(1);
        assertThat(api().postRaw("/api/v1/audit/verify", "").body().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_code_without_its_parent_adds_no_event() {
        long before = catalogEvents();

        HttpApi.Answer refused = api().post("/api/v1/catalog/economic", Map.of("code", "39899", "name", "无上级"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(catalogEvents()).isEqualTo(before);
    }

    private long catalogEvents() {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = 'catalog:ECONOMIC'")
                .query(Long.class).single();
    }
}
