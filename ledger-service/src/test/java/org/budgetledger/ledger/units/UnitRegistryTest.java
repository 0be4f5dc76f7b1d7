package org.budgetledger.ledger.units;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §12 on the ledger: units are registered with a parent and a type, changed from a date on, and read as of a
 * date with their history; each registration and change is an event of the store. Every refusal stores nothing.
 */
class UnitRegistryTest extends LedgerIntegrationTest {

    @Test
    void a_unit_registered_under_a_parent_is_an_event_of_the_store_and_listed_with_its_parent_and_type() {
        String top = register(null, null);
        String unit = code("C");
        HttpApi.Answer answer = api().post("/api/v1/units", Map.of("code", unit, "name", "科技信息中心", "parent", top,
                "type", "PUBLIC_SERVICE_1"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("parent").asText()).isEqualTo(top);
        assertThat(answer.body().path("type").asText()).isEqualTo("PUBLIC_SERVICE_1");
        JsonNode listed = listed(unit);
        assertThat(listed.path("parent").asText()).isEqualTo(top);
        assertThat(listed.path("type").asText()).isEqualTo("PUBLIC_SERVICE_1");
        assertThat(listed(top).path("parent").isNull()).isTrue();
        assertThat(listed(top).path("type").asText()).isEqualTo("OTHER");

        JsonNode events = api().get("/api/v1/audit/events?unit=" + unit).body().path("events");
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("type").asText()).isEqualTo("UnitRegistered");
        assertThat(event.path("aggregateId").asText()).isEqualTo(unit);
        assertThat(event.path("unit").asText()).isEqualTo(unit);
        assertThat(event.path("year").isNull()).isTrue();
        assertThat(event.path("transactionId").isNull()).isTrue();
        assertThat(event.path("principal").asText()).isEqualTo("test-admin");
        assertThat(event.path("payload").path("parent").asText()).isEqualTo(top);
        assertThat(event.path("payload").path("unitType").asText()).isEqualTo("PUBLIC_SERVICE_1");
        assertThat(event.path("hash").asText()).hasSize(64);
        assertThat(event.path("seal").asText()).hasSize(64);
        // an outside party recomputes its hash from the answer: no transaction, an empty line in the hashed text
        assertThat(EventHash.of(event.path("previousHash").asText(), event.path("eventId").asText(), unit, 0, "UnitRegistered",
                Instant.parse(event.path("recordedAt").asText()), "", event.path("payload").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event.path("hash").asText());
        assertThat(api().postRaw("/api/v1/audit/verify", "").body().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_type_that_is_none_of_the_unit_types_is_refused_naming_the_field_and_nothing_is_stored() {
        String unit = code("T");
        HttpApi.Answer answer = api().post("/api/v1/units", Map.of("code", unit, "name", "单位", "type", "COMPANY"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("type");
        assertNothingStored(unit);
    }

    @Test
    void an_unknown_parent_is_refused_and_nothing_is_stored() {
        String unit = code("P");
        HttpApi.Answer answer = api().post("/api/v1/units", Map.of("code", unit, "name", "单位", "parent", code("NONE")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("UNKNOWN_UNIT");
        assertNothingStored(unit);
    }

    @Test
    void a_unit_that_is_its_own_parent_is_a_cycle_and_nothing_is_stored() {
        String unit = code("S");
        HttpApi.Answer answer = api().post("/api/v1/units", Map.of("code", unit, "name", "单位", "parent", unit));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNIT_CYCLE");
        assertNothingStored(unit);
    }

    @Test
    void a_chain_of_eight_units_is_accepted_and_a_ninth_unit_is_too_deep() {
        List<String> chain = chain(8);
        String ninth = code("D");
        HttpApi.Answer answer = api().post("/api/v1/units", Map.of("code", ninth, "name", "单位", "parent", chain.get(7)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNIT_TOO_DEEP");
        assertNothingStored(ninth);
    }

    @Test
    void a_unit_renamed_and_regraded_from_a_date_answers_each_date_with_what_held_then_and_its_history() {
        String top = register(null, null);
        String unit = register(top, "PUBLIC_SERVICE_1");

        HttpApi.Answer changed = patch(unit, Map.of("name", "新名称", "type", "PUBLIC_SERVICE_2", "effective", "2023-12-01"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("name").asText()).isEqualTo("新名称");
        JsonNode before = api().get("/api/v1/units/" + unit + "?asOf=2023-11-30").body();
        assertThat(before.path("name").asText()).isEqualTo("测试单位");
        assertThat(before.path("type").asText()).isEqualTo("PUBLIC_SERVICE_1");
        assertThat(before.path("parent").asText()).isEqualTo(top);
        JsonNode after = api().get("/api/v1/units/" + unit + "?asOf=2023-12-01").body();
        assertThat(after.path("name").asText()).isEqualTo("新名称");
        assertThat(after.path("type").asText()).isEqualTo("PUBLIC_SERVICE_2");
        assertThat(after.path("parent").asText()).isEqualTo(top);
        assertThat(api().get("/api/v1/units/" + unit).body().path("name").asText()).as("today").isEqualTo("新名称");

        JsonNode history = after.path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("effective").isNull()).isTrue();
        assertThat(history.get(0).path("name").asText()).isEqualTo("测试单位");
        assertThat(history.get(1).path("effective").asText()).isEqualTo("2023-12-01");
        assertThat(history.get(1).path("name").asText()).isEqualTo("新名称");
        assertThat(history.get(1).path("parent").isNull()).as("unchanged").isTrue();
        assertThat(history.get(1).path("sequence").asLong()).isGreaterThan(history.get(0).path("sequence").asLong());
        JsonNode events = api().get("/api/v1/audit/events?unit=" + unit).body().path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("UnitRegistered", "UnitChanged");
        assertThat(events.get(1).path("sequence").asLong()).isEqualTo(history.get(1).path("sequence").asLong());
        assertThat(events.get(1).path("effectiveDate").asText()).isEqualTo("2023-12-01");
        assertThat(api().getText("/api/v1/audit/events?format=csv&unit=" + unit)).contains("UnitChanged");
        assertThat(api().postRaw("/api/v1/audit/verify", "").body().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_unit_moved_to_another_department_answers_the_old_parent_before_the_move() {
        String first = register(null, null);
        String second = register(null, null);
        String unit = register(first, null);

        assertThat(patch(unit, Map.of("parent", second, "effective", "2024-07-01")).status()).isEqualTo(200);

        assertThat(api().get("/api/v1/units/" + unit + "?asOf=2024-06-30").body().path("parent").asText()).isEqualTo(first);
        assertThat(api().get("/api/v1/units/" + unit + "?asOf=2024-07-01").body().path("parent").asText()).isEqualTo(second);
    }

    @Test
    void a_change_of_an_unknown_unit_is_not_found() {
        HttpApi.Answer answer = patch(code("NONE"), Map.of("name", "名称", "effective", "2024-01-01"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/units/" + code("NONE")).status()).isEqualTo(404);
    }

    @Test
    void a_change_without_an_effective_date_or_without_a_field_or_changing_nothing_is_refused_and_nothing_is_stored() {
        String unit = register(null, "ADMINISTRATIVE");

        HttpApi.Answer noDate = patch(unit, Map.of("name", "名称"));
        HttpApi.Answer notADate = patch(unit, Map.of("name", "名称", "effective", "2024-13-01"));
        HttpApi.Answer noField = patch(unit, Map.of("effective", "2024-01-01"));
        HttpApi.Answer same = patch(unit, Map.of("name", "测试单位", "type", "ADMINISTRATIVE", "effective", "2024-01-01"));

        for (HttpApi.Answer answer : List.of(noDate, notADate, noField, same)) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.body().path("errors")).isNotEmpty();
        }
        assertThat(noDate.body().path("errors").findValuesAsText("field")).contains("effective");
        assertThat(same.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "type");
        assertNoChangeStored(unit);
    }

    @Test
    void a_move_under_an_unknown_parent_is_refused_and_nothing_is_stored() {
        String unit = register(null, null);

        HttpApi.Answer answer = patch(unit, Map.of("parent", code("NONE"), "effective", "2024-01-01"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("UNKNOWN_UNIT");
        assertNoChangeStored(unit);
    }

    @Test
    void a_move_under_a_descendant_is_a_cycle_and_nothing_is_stored() {
        String top = register(null, null);
        String middle = register(top, null);
        String bottom = register(middle, null);

        HttpApi.Answer answer = patch(top, Map.of("parent", bottom, "effective", "2024-01-01"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNIT_CYCLE");
        assertNoChangeStored(top);
    }

    @Test
    void a_move_that_makes_a_cycle_only_from_a_later_change_on_is_refused() {
        String a = register(null, null);
        String b = register(null, null);
        // from July on, b is under a
        assertThat(patch(b, Map.of("parent", a, "effective", "2024-07-01")).status()).isEqualTo(200);

        // a under b from January: no cycle in January, one from July on
        HttpApi.Answer answer = patch(a, Map.of("parent", b, "effective", "2024-01-01"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNIT_CYCLE");
        assertNoChangeStored(a);
    }

    @Test
    void a_move_that_makes_a_chain_too_deep_from_a_later_change_on_is_refused() {
        List<String> chain = chain(6);
        String other = register(null, null);
        String child = register(other, null);
        String grandchild = register(child, null);
        // from July on, the six-unit chain's top is under the grandchild: 9 units
        HttpApi.Answer answer = patch(chain.get(0), Map.of("parent", grandchild, "effective", "2024-07-01"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNIT_TOO_DEEP");
        assertNoChangeStored(chain.get(0));

        // under the child from July instead: 8 units from July on
        assertThat(patch(chain.get(0), Map.of("parent", child, "effective", "2024-07-01")).status()).isEqualTo(200);
        String above = register(null, null);
        // other under a new top from January: 2 units in January, but 9 from July on, when the chain joins
        HttpApi.Answer later = patch(other, Map.of("parent", above, "effective", "2024-01-01"));
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.code()).isEqualTo("UNIT_TOO_DEEP");
        assertNoChangeStored(other);
    }

    @Test
    void a_change_for_another_unit_is_forbidden() {
        String unit = register(null, null);

        assertThat(HttpApi.as(port, "admin-a").send("PATCH", "/api/v1/units/" + unit,
                "{\"name\":\"名称\",\"effective\":\"2024-01-01\"}").status()).isEqualTo(403);
        assertNoChangeStored(unit);
    }

    @Test
    void an_effective_date_outside_1900_to_2100_is_refused_and_nothing_is_stored() {
        String unit = register(null, null);

        for (String effective : List.of("0000-01-01", "-0001-01-01", "+10000-01-01", "1899-12-31", "2101-01-01")) {
            HttpApi.Answer answer = patch(unit, Map.of("name", "名称", "effective", effective));
            assertThat(answer.status()).as(effective).isEqualTo(400);
            assertThat(answer.body().path("errors").findValuesAsText("field")).as(effective).containsExactly("effective");
        }
        assertNoChangeStored(unit);
    }

    @Test
    void a_unit_scoped_administrator_places_units_only_under_units_it_holds() {
        String elsewhere = register(null, null);
        api().post("/api/v1/units", Map.of("code", TestUsers.UNIT_A, "name", "甲单位"));
        HttpApi scoped = HttpApi.as(port, "admin-a");

        HttpApi.Answer moved = scoped.send("PATCH", "/api/v1/units/" + TestUsers.UNIT_A,
                "{\"parent\":\"" + elsewhere + "\",\"effective\":\"2024-01-01\"}");
        String foreign = code("F");
        HttpApi.Answer placed = scoped.post("/api/v1/units", Map.of("code", foreign, "name", "下属单位", "parent", elsewhere));
        String own = code("O");
        HttpApi.Answer ownPlaced = scoped.post("/api/v1/units", Map.of("code", own, "name", "下属单位", "parent", TestUsers.UNIT_A));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(403);
        assertThat(moved.code()).isEqualTo("FORBIDDEN");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(403);
        assertNothingStored(foreign);
        assertThat(ownPlaced.status()).as(ownPlaced.body().toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.unit_change WHERE unit = ? AND parent = ?")
                .params(TestUsers.UNIT_A, elsewhere).query(Long.class).single()).isZero();
    }

    private String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a unit under {@code parent} (none: at the top) of the type (none: the default) and returns its code. */
    private String register(String parent, String type) {
        String unit = code("R");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", unit, "name", "测试单位"));
        if (parent != null) {
            body.put("parent", parent);
        }
        if (type != null) {
            body.put("type", type);
        }
        assertThat(api().post("/api/v1/units", body).status()).isEqualTo(201);
        return unit;
    }

    /** A chain of {@code units} units, the top first. */
    private List<String> chain(int units) {
        List<String> chain = new ArrayList<>();
        for (int level = 0; level < units; level++) {
            chain.add(register(chain.isEmpty() ? null : chain.get(chain.size() - 1), null));
        }
        return chain;
    }

    private HttpApi.Answer patch(String unit, Map<String, Object> body) {
        try {
            return api().send("PATCH", "/api/v1/units/" + unit, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private JsonNode listed(String unit) {
        for (JsonNode item : api().get("/api/v1/units").body()) {
            if (item.path("code").asText().equals(unit)) {
                return item;
            }
        }
        throw new AssertionError("unit " + unit + " is not listed");
    }

    private void assertNothingStored(String unit) {
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.unit WHERE code = ?").param(unit).query(Long.class).single()).isZero();
        assertThat(eventsOf(unit)).isZero();
    }

    private void assertNoChangeStored(String unit) {
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.unit_change WHERE unit = ?").param(unit).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? AND payloadType LIKE '%.UnitChanged'")
                .param(unit).query(Long.class).single()).isZero();
    }

    private long eventsOf(String unit) {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?").param(unit)
                .query(Long.class).single();
    }
}
