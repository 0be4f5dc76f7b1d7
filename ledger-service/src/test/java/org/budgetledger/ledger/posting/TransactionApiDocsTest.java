package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request body is described as what it is: one of the types' records, told apart by type. */
class TransactionApiDocsTest extends LedgerIntegrationTest {

    private static final List<String> TYPES = List.of("APPROPRIATE", "ADJUST", "TRANSFER", "PAY", "REFUND", "RECEIVE",
            "OPENING_BALANCE", "USE_RESERVE", "DISTRIBUTE_SURPLUS", "SET_LIMIT", "CARRY_OVER", "COMMIT", "RELEASE");

    @Test
    void the_request_is_one_of_the_types_records_with_type_as_discriminator() {
        JsonNode schemas = api().get("/v3/api-docs").body().path("components").path("schemas");
        JsonNode request = schemas.path("TransactionRequest");

        assertThat(request.path("discriminator").path("propertyName").asText()).isEqualTo("type");
        assertThat(request.path("oneOf")).hasSize(TYPES.size());
        List<String> mapped = new ArrayList<>();
        request.path("discriminator").path("mapping").fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).containsExactlyElementsOf(TYPES);

        JsonNode pay = schema(schemas, request, "PAY");
        List<String> fields = new ArrayList<>();
        pay.path("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("type", "id", "unit", "year", "date", "memo", "voucher", "line", "economic",
                "amount", "payee", "method", "counterparty", "commitment", "procurement", "activity");
        assertThat(pay.at("/properties/type/enum").toString()).isEqualTo("[\"PAY\"]");
        assertThat(pay.at("/properties/method/enum").toString()).isEqualTo("[\"DIRECT\",\"AUTHORIZED\"]");
        assertThat(pay.path("required").toString()).isEqualTo("[\"type\"]");
        assertThat(pay.at("/properties/procurement/properties/category/enum").toString())
                .isEqualTo("[\"GOODS\",\"WORKS\",\"SERVICES\"]");
        assertThat(pay.at("/properties/procurement/properties/award/enum").toString())
                .isEqualTo("[\"NONE\",\"SME\",\"SMALL_MICRO\"]");
        assertThat(pay.at("/properties/activity/required").toString()).isEqualTo("[\"count\",\"persons\"]");
        assertThat(schema(schemas, request, "APPROPRIATE").at("/properties/kind/enum").toString()).contains("\"PROJECT\"");
        assertThat(schema(schemas, request, "SET_LIMIT").at("/properties/category/enum").toString()).contains("\"RECEPTION\"");
        assertThat(schema(schemas, request, "CARRY_OVER").path("properties").has("amount")).isFalse();
    }

    @Test
    void the_counterparty_of_internal_flows_is_described_with_examples() {
        JsonNode docs = api().get("/v3/api-docs").body();
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode request = schemas.path("TransactionRequest");

        assertThat(schema(schemas, request, "PAY").at("/properties/counterparty/description").asText())
                .contains("SPEC §13", "SUBSIDY_AFFILIATE", "REMIT_SUPERIOR", "UNKNOWN_UNIT");
        assertThat(schema(schemas, request, "RECEIVE").at("/properties/counterparty/description").asText())
                .contains("SUPERIOR_SUBSIDY", "AFFILIATE");
        assertThat(schema(schemas, request, "REFUND").path("properties").has("counterparty")).isFalse();
        JsonNode examples = docs.path("paths").path("/api/v1/transactions").path("post").path("requestBody")
                .path("content").path("application/json").path("examples");
        assertThat(examples.path("PAY to an affiliate (internal flow)").at("/value/counterparty").asText()).isEqualTo("430002");
        assertThat(examples.path("RECEIVE from the superior (internal flow)").at("/value/counterparty").asText())
                .isEqualTo("430001");
    }

    @Test
    void commitments_are_described_with_their_schedule_and_examples() {
        JsonNode docs = api().get("/v3/api-docs").body();
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode request = schemas.path("TransactionRequest");

        JsonNode schedule = schema(schemas, request, "COMMIT").at("/properties/schedule");
        assertThat(schedule.path("type").asText()).isEqualTo("array");
        assertThat(schedule.at("/items/required").toString()).isEqualTo("[\"date\",\"amount\"]");
        assertThat(schedule.path("description").asText()).contains("SPEC §14", "VALIDATION_FAILED");
        assertThat(schema(schemas, request, "PAY").at("/properties/commitment/description").asText())
                .contains("COMMITMENT_EXCEEDED", "UNKNOWN_COMMITMENT", "COMMITMENT_MISMATCH");
        JsonNode examples = docs.path("paths").path("/api/v1/transactions").path("post").path("requestBody")
                .path("content").path("application/json").path("examples");
        assertThat(examples.path("COMMIT").at("/value/schedule").findValuesAsText("amount"))
                .containsExactly("100000.00", "100000.00", "100000.00");
        assertThat(examples.path("PAY under a commitment").at("/value/commitment").asText()).isEqualTo("k1");
        assertThat(examples.path("RELEASE").at("/value/commitment").asText()).isEqualTo("k1");
        assertThat(docs.path("paths").path("/api/v1/commitments/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("examples").findValuesAsText("open")).containsExactly("150000.00");
    }

    private static JsonNode schema(JsonNode schemas, JsonNode request, String type) {
        String reference = request.path("discriminator").path("mapping").path(type).asText();
        return schemas.path(reference.substring("#/components/schemas/".length()));
    }
}
