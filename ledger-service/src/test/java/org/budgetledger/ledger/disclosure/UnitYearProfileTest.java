package org.budgetledger.ledger.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit-year's profile (SPEC §15): recorded as an event of its own, in the hash chain, audited like every other;
 * each wrong field named, and nothing stored.
 */
class UnitYearProfileTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = """
            {"functions":"负责厅机关交通运输信息化项目建设、运维和数据资源管理等相关工作。",
             "organisation":"中心设有 5 个部门：综合部、政务服务部、数据资源部、运行监测部、技术发展部。",
             "assets":{"vehicles":{"total":1,"byType":{"OTHER":1}},"equipmentOver1m":4},
             "performance":[{"project":"业务工作经费","score":86.5},{"project":"省级专项资金","score":88,"grade":"良"}],
             "explanations":{"income_change_reason":"信息化建设资金减少"}}""";

    @Test
    void a_profile_is_an_event_of_the_unit_year_in_the_chain() throws IOException {
        HttpApi api = api();
        String unit = newUnit("P");

        Answer answer = api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile", PROFILE);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        long sequence = answer.body().path("sequence").asLong();
        JsonNode history = api.get("/api/v1/audit/events?unit=" + unit + "&year=2023").body().path("events");
        assertThat(history).hasSize(1);
        JsonNode event = history.get(0);
        assertThat(event.path("type").asText()).isEqualTo("UnitYearProfileSet");
        assertThat(event.path("sequence").asLong()).isEqualTo(sequence);
        assertThat(event.path("aggregateId").asText()).isEqualTo(unit + ":2023:profile");
        assertThat(event.path("year").asInt()).isEqualTo(2023);
        assertThat(event.path("payload").path("assets").toString())
                .isEqualTo("{\"vehicles\":{\"total\":1,\"byType\":{\"OTHER\":1}},\"equipmentOver500k\":null,\"equipmentOver1m\":4}");
        assertThat(event.path("payload").path("principal").asText()).isEqualTo("test-admin");
        JsonNode verification = api.postRaw("/api/v1/audit/verify", "").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void each_wrong_field_is_named_and_nothing_is_stored() {
        HttpApi api = api();
        String unit = newUnit("P");

        Answer answer = api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile", """
                {"assets":{"vehicles":{"total":2,"byType":{"OTHER":1,"TRUCK":1}},"equipmentOver1m":-4},
                 "performance":[{"score":101}],
                 "explanations":{"Reason!":"x"}}""");
        Answer unknownField = api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile", "{\"colour\":\"red\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("assets.vehicles.byType.TRUCK",
                "assets.equipmentOver1m", "performance[0].project", "performance[0].score", "explanations.Reason!");
        assertThat(unknownField.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownField.body().path("errors").findValuesAsText("field")).containsExactly("colour");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE unit = ?").param(unit)
                .query(Long.class).single()).isEqualTo(1); // its registration only
    }

    @Test
    void vehicles_by_use_must_add_up_and_a_clerk_may_not_set_a_profile() {
        HttpApi api = api();
        String unit = newUnit("P");

        Answer answer = api.send("PUT", "/api/v1/units/" + unit + "/years/2023/profile",
                "{\"assets\":{\"vehicles\":{\"total\":3,\"byType\":{\"OTHER\":1}}}}");

        assertThat(answer.body().path("errors").findValuesAsText("message")).containsExactly("must be the sum of byType, 1, not 3");
        assertThat(api.send("PUT", "/api/v1/units/NOPE" + unit + "/years/2023/profile", "{}").status()).isEqualTo(404);
    }
}
