package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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
    void a_unit_scoped_auditor_sees_the_details_of_a_tampered_row_of_its_own_department_only() {
        api().post("/api/v1/units", Map.of("code", TestUsers.UNIT_A, "name", "审计单位")); // 409 when a test registered it before
        String own = "RA" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/units", Map.of("code", own, "name", "下属单位", "parent", TestUsers.UNIT_A)).status())
                .isEqualTo(201);
        String elsewhere = newUnit("RE");
        HttpApi auditor = HttpApi.as(port, "auditor-a");

        superuser.sql("UPDATE ledger.unit SET name = '篡改名称' WHERE code = ?").param(elsewhere).update();
        try {
            assertThat(offending(verify(), "unit", elsewhere).path("problem").asText()).contains("篡改名称");
            JsonNode scoped = verify(auditor);
            assertThat(scoped.path("ok").asBoolean()).isFalse();
            assertThat(scoped.path("firstOffending").path("table").asText()).isEqualTo("unit");
            assertThat(scoped.path("firstOffending").has("row")).as(scoped.toString()).isFalse();
            assertThat(scoped.path("firstOffending").path("sequence").isNull()).as(scoped.toString()).isTrue();
            assertThat(scoped.path("firstOffending").path("eventId").isNull()).as(scoped.toString()).isTrue();
            assertThat(scoped.toString()).doesNotContain(elsewhere).doesNotContain("篡改名称").doesNotContain("测试单位");
        } finally {
            superuser.sql("UPDATE ledger.unit SET name = '测试单位' WHERE code = ?").param(elsewhere).update();
        }
        // the table's tree is no witness: a row moved under the auditor's unit in the table is still another department's
        superuser.sql("UPDATE ledger.unit SET parent = ? WHERE code = ?").params(TestUsers.UNIT_A, elsewhere).update();
        try {
            JsonNode scoped = verify(auditor);
            assertThat(scoped.path("ok").asBoolean()).isFalse();
            assertThat(scoped.toString()).doesNotContain(elsewhere);
        } finally {
            superuser.sql("UPDATE ledger.unit SET parent = NULL WHERE code = ?").param(elsewhere).update();
        }
        superuser.sql("UPDATE ledger.unit SET name = '篡改名称' WHERE code = ?").param(own).update();
        try {
            assertThat(offending(verify(auditor), "unit", own).path("problem").asText()).contains("篡改名称");
        } finally {
            superuser.sql("UPDATE ledger.unit SET name = '下属单位' WHERE code = ?").param(own).update();
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
        return verify(api());
    }

    private static JsonNode verify(HttpApi as) {
        Answer answer = as.postRaw("/api/v1/audit/verify", "");
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
