package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers' tables (SPEC §12: {@code unit}, {@code unit_change}, {@code subject}, {@code economic}), which the
 * unit tree — who reads what — and every name come from, are checked by verification against their events: a row
 * changed or added in the database is named, with its table. Each test undoes its tampering.
 */
class RegisterTablesTest extends TamperingLedgerTest {

    @Test
    void a_parent_changed_in_the_unit_table_is_named_with_the_registration_it_contradicts() {
        String top = newUnit("RT");
        String unit = newUnit("RU");
        long registration = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?")
                .param(unit).query(Long.class).single();
        superuser.sql("UPDATE ledger.unit SET parent = ? WHERE code = ?").params(top, unit).update();
        try {
            JsonNode offending = offending(verify(), "unit", unit);
            assertThat(offending.path("sequence").asLong()).isEqualTo(registration);
        } finally {
            superuser.sql("UPDATE ledger.unit SET parent = NULL WHERE code = ?").param(unit).update();
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_unit_or_a_change_or_a_code_added_to_the_tables_without_its_event_is_named() {
        String unit = newUnit("RN");
        superuser.sql("INSERT INTO ledger.unit (code, name) VALUES (?, '伪造单位')").param(unit + "X").update();
        try {
            offending(verify(), "unit", unit + "X");
        } finally {
            superuser.sql("DELETE FROM ledger.unit WHERE code = ?").param(unit + "X").update();
        }
        superuser.sql("INSERT INTO ledger.unit_change (sequence, unit, effective_date, name, recorded_at, principal) "
                + "VALUES (999999999, ?, DATE '2024-01-01', '伪造', now(), 'mallory')").param(unit).update();
        try {
            offending(verify(), "unit_change", unit + "@999999999");
        } finally {
            superuser.sql("DELETE FROM ledger.unit_change WHERE sequence = 999999999").update();
        }
        superuser.sql("INSERT INTO ledger.subject (code, name) VALUES ('2140198', '伪造项')").update();
        try {
            offending(verify(), "subject", "2140198");
        } finally {
            superuser.sql("DELETE FROM ledger.subject WHERE code = '2140198'").update();
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_unit_changed_through_the_api_and_a_code_added_verify() {
        String unit = newUnit("RC");
        Answer changed = api().send("PATCH", "/api/v1/units/" + unit, "{\"name\":\"新名称\",\"effective\":\"2024-01-01\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api().post("/api/v1/catalog/economic", Map.of("code", "39998", "name", "新增")).status()).isIn(201, 409);

        assertThat(verify().path("ok").asBoolean()).as(verify().toString()).isTrue();
    }

    private JsonNode verify() {
        Answer answer = api().postRaw("/api/v1/audit/verify", "");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode offending(JsonNode result, String table, String row) {
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        JsonNode offending = result.path("firstOffending");
        assertThat(offending.path("table").asText()).as(result.toString()).isEqualTo(table);
        assertThat(offending.path("row").asText()).as(result.toString()).isEqualTo(row);
        return offending;
    }
}
