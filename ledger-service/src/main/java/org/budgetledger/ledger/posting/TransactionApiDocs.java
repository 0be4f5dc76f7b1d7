package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/**
 * The OpenAPI description of the transaction endpoints beyond their annotations: an example of every
 * transaction type of SPEC §4 and of the answers, the batch body's shape, and the request as one of the types'
 * records, with the closed sets of their fields (from the enums that decide them).
 */
@Component
class TransactionApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/transactions";
    private static final String BATCH = "/api/v1/transactions:batch";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String COMMON = "\"unit\":\"430001\",\"year\":2023,";

    private static final String COUNTERPARTY = "the unit on the other side of an internal flow (SPEC §13), a registered"
            + " unit other than `unit`: the unit paid, on a PAY from a line of kind SUBSIDY_AFFILIATE or REMIT_SUPERIOR;"
            + " the unit that paid, on a RECEIVE of fund SUPERIOR_SUBSIDY or AFFILIATE. Optional; on any other line or"
            + " fund 400 VALIDATION_FAILED, unregistered 400 UNKNOWN_UNIT. Its refunds carry the payment's counterparty";

    private static final String COMMITMENT = "SPEC §14: the COMMIT (of the same line) the payment is made under; it must"
            + " fit what is open of it (409 COMMITMENT_EXCEEDED), and it moves from the line's committed to its paid;"
            + " unknown in this unit-year 422 UNKNOWN_COMMITMENT, of another line 422 COMMITMENT_MISMATCH."
            + " On a RELEASE: the commitment released";
    private static final String SCHEDULE = "SPEC §14: the expected payments, each {date (inside the year), amount (> 0)},"
            + " adding up to amount; else 400 VALIDATION_FAILED. Optional; at most 366";
    private static final String PROCUREMENT = "SPEC §15: a 政府采购 payment — category GOODS 货物, WORKS 工程 or SERVICES 服务;"
            + " award NONE, SME 中小企业 or SMALL_MICRO 小微企业 (also a 中小企业). Optional; not with a counterparty";
    private static final String ACTIVITY = "SPEC §15: what the payment paid for, counted — count (团组, 批次, 会议, 培训班,"
            + " 车辆) and persons (人次), whole numbers ≥ 0. Optional; only on economic codes 30212, 30215, 30216, 30217,"
            + " 31013 and 30913";

    private static final Map<String, String> EXAMPLES = examples();

    private final ObjectMapper json;

    TransactionApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        ApiDescription docs = new ApiDescription(api, json);
        requestSchema(api);
        EXAMPLES.forEach((type, body) -> docs.request(POST, PATH, type, read(body)));
        PostingResult appropriated = PostingResult.accepted("a1", "APPROPRIATE", List.of(1042L), "a1");
        PostingResult paid = PostingResult.accepted("p1", "PAY", List.of(1043L), null);
        docs.answer(POST, PATH, "201", "APPROPRIATE", appropriated).answer(POST, PATH, "201", "PAY", paid)
                .answer(POST, PATH, "200", "APPROPRIATE posted again", appropriated);

        docs.operation(POST, BATCH).map(operation -> operation.getRequestBody()).map(body -> body.getContent())
                .map(content -> content.get(ApiDescription.JSON)).ifPresent(media -> media.schema(batchSchema()));
        Map<String, Object> batch = Map.of("transactions", List.of(read(EXAMPLES.get("APPROPRIATE")), read(EXAMPLES.get("PAY"))));
        var unknownLine = ProblemResponses.problem(ProblemCode.UNKNOWN_LINE, "no budget line a9 of unit 430001 in 2023",
                List.of()).getBody();
        docs.request(POST, BATCH, "an appropriation and a payment", batch)
                .answer(POST, BATCH, "200", "one accepted, one rejected", new BatchPosting.Results(List.of(
                        new BatchPosting.Item("a1", 201, appropriated, null),
                        new BatchPosting.Item("p9", 422, null, unknownLine))));

        ObjectNode details = json.valueToTree(new PostedTransactions.Details("p1", "PAY", "430001", 2023, "li",
                Instant.parse("2023-02-10T08:15:30.123456Z"), null, paid));
        details.set("request", read(EXAMPLES.get("PAY")));
        docs.answer(GET, PATH + "/{id}", "200", "a payment", details);
    }

    /**
     * The request is one of the types' records, told apart by {@code type}: a schema per record, of its components,
     * with the closed sets of codes its fields take (fund, kind, method, category) from the enums that decide them.
     * Built here rather than by springdoc, which would describe the sealed interfaces and the records that stand
     * for refused bodies as well.
     */
    private static void requestSchema(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        if (api.getComponents().getSchemas() == null) {
            api.getComponents().setSchemas(new LinkedHashMap<>());
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List.of("TypedRequest", "UntypedRequest", "MisfitRequest").forEach(schemas::remove);
        ComposedSchema request = new ComposedSchema();
        Discriminator discriminator = new Discriminator().propertyName("type");
        for (Class<? extends TypedRequest> type : TransactionRequests.types()) {
            String name = TransactionRequests.typeName(type);
            ObjectSchema schema = new ObjectSchema();
            schema.addProperty("type", ApiDescription.closedSet(null, List.of(name)));
            for (RecordComponent component : TransactionRequests.components(type)) {
                schema.addProperty(component.getName(), propertySchema(component.getType()));
            }
            schema.setRequired(List.of("type"));
            enumOf(schema, "fund", Fund.values());
            enumOf(schema, "kind", Kind.values());
            enumOf(schema, "method", PaymentMethod.values());
            enumOf(schema, "category", ThreePublicCategory.values());
            Schema<?> counterparty = schema.getProperties().get("counterparty");
            if (counterparty != null) {
                counterparty.description(COUNTERPARTY);
            }
            Schema<?> commitment = schema.getProperties().get("commitment");
            if (commitment != null) {
                commitment.description(COMMITMENT);
            }
            schemas.put(type.getSimpleName(), schema);
            request.addOneOfItem(new Schema<>().$ref(SCHEMAS + type.getSimpleName()));
            discriminator.mapping(name, SCHEMAS + type.getSimpleName());
        }
        request.discriminator(discriminator).description("a transaction of one of the types of SPEC §4, named by type");
        schemas.put("TransactionRequest", request);
    }

    /** A field's schema: a whole number, an object of its own fields (PAY's procurement and activity), or text. */
    private static Schema<?> propertySchema(Class<?> type) {
        if (type == Integer.class) {
            return new IntegerSchema().format("int32");
        }
        if (type == List.class) {
            return scheduleSchema();
        }
        if (type == ProcurementRequest.class) {
            ObjectSchema procurement = new ObjectSchema();
            procurement.addProperty("category", ApiDescription.closedSet(new StringSchema(),
                    Arrays.stream(ProcurementCategory.values()).map(Enum::name).toList()));
            procurement.addProperty("award", ApiDescription.closedSet(new StringSchema(),
                    Arrays.stream(ProcurementAward.values()).map(Enum::name).toList()));
            return procurement.required(List.of("category", "award")).description(PROCUREMENT);
        }
        if (type == ActivityRequest.class) {
            return new ObjectSchema()
                    .addProperty("count", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO))
                    .addProperty("persons", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO))
                    .required(List.of("count", "persons")).description(ACTIVITY);
        }
        return new StringSchema();
    }

    private static void enumOf(Schema<?> request, String field, Enum<?>[] values) {
        Schema<?> property = request.getProperties().get(field);
        if (property != null) {
            request.getProperties().put(field, ApiDescription.closedSet(property, Arrays.stream(values).map(Enum::name).toList()));
        }
    }

    /** A COMMIT's schedule: a list of {date, amount}. */
    private static Schema<?> scheduleSchema() {
        return new ArraySchema().items(new ObjectSchema()
                        .addProperty("date", new StringSchema().format("date"))
                        .addProperty("amount", new StringSchema().description("in 元, above 0"))
                        .required(List.of("date", "amount")))
                .maxItems(366).description(SCHEDULE);
    }

    private static Schema<?> batchSchema() {
        return new ObjectSchema().addProperty("transactions", new ArraySchema()
                        .items(new Schema<>().$ref(SCHEMAS + "TransactionRequest"))
                        .minItems(1).maxItems(BatchPosting.ITEMS_MAX)
                        .description("each decided as a single POST of it would be, in order"))
                .required(List.of("transactions"));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Map<String, String> examples() {
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("APPROPRIATE", "{\"id\":\"a1\",\"type\":\"APPROPRIATE\"," + COMMON + "\"date\":\"2023-01-10\","
                + "\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"PROJECT\",\"project\":\"业务工作经费\",\"amount\":\"1000000.00\"}");
        examples.put("ADJUST", "{\"id\":\"j1\",\"type\":\"ADJUST\"," + COMMON + "\"date\":\"2023-06-30\",\"line\":\"a1\","
                + "\"amount\":\"-20000.00\",\"reason\":\"年中调减\"}");
        examples.put("TRANSFER", "{\"id\":\"t1\",\"type\":\"TRANSFER\"," + COMMON + "\"date\":\"2023-07-01\",\"from\":\"a1\","
                + "\"to\":\"a2\",\"amount\":\"5000.00\",\"reason\":\"指标调剂\"}");
        examples.put("PAY", "{\"id\":\"p1\",\"type\":\"PAY\"," + COMMON + "\"date\":\"2023-02-10\",\"line\":\"a1\","
                + "\"economic\":\"30201\",\"amount\":\"2500.50\",\"payee\":\"某办公用品公司\",\"method\":\"DIRECT\",\"voucher\":\"记-0012\"}");
        examples.put("PAY to an affiliate (internal flow)", "{\"id\":\"p2\",\"type\":\"PAY\"," + COMMON
                + "\"date\":\"2023-03-10\",\"line\":\"s1\",\"economic\":\"39999\",\"amount\":\"200000.00\","
                + "\"counterparty\":\"430002\"}");
        examples.put("PAY as 政府采购, and a reception counted", "{\"id\":\"p3\",\"type\":\"PAY\"," + COMMON
                + "\"date\":\"2023-05-10\",\"line\":\"a1\",\"economic\":\"30217\",\"amount\":\"3250.00\","
                + "\"procurement\":{\"category\":\"SERVICES\",\"award\":\"SMALL_MICRO\"},"
                + "\"activity\":{\"count\":2,\"persons\":15}}");
        examples.put("REFUND", "{\"id\":\"r1\",\"type\":\"REFUND\"," + COMMON + "\"date\":\"2023-02-20\",\"payment\":\"p1\","
                + "\"amount\":\"500.50\"}");
        examples.put("RECEIVE", "{\"id\":\"i1\",\"type\":\"RECEIVE\"," + COMMON + "\"date\":\"2023-12-20\",\"fund\":\"OTHER\","
                + "\"subject\":\"2140199\",\"amount\":\"700.00\"}");
        examples.put("RECEIVE from the superior (internal flow)", "{\"id\":\"i2\",\"type\":\"RECEIVE\",\"unit\":\"430002\","
                + "\"year\":2023,\"date\":\"2023-03-10\",\"fund\":\"SUPERIOR_SUBSIDY\",\"subject\":\"2140199\","
                + "\"amount\":\"200000.00\",\"counterparty\":\"430001\"}");
        examples.put("OPENING_BALANCE", "{\"id\":\"o1\",\"type\":\"OPENING_BALANCE\"," + COMMON + "\"date\":\"2023-01-01\","
                + "\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140106\",\"kind\":\"PROJECT\",\"project\":\"省级专项资金\",\"amount\":\"1709800.00\"}");
        examples.put("USE_RESERVE", "{\"id\":\"u1\",\"type\":\"USE_RESERVE\"," + COMMON + "\"date\":\"2023-03-01\",\"fund\":\"OTHER\","
                + "\"subject\":\"2140199\",\"amount\":\"82900.00\"}");
        examples.put("DISTRIBUTE_SURPLUS", "{\"id\":\"d1\",\"type\":\"DISTRIBUTE_SURPLUS\"," + COMMON + "\"date\":\"2023-12-31\","
                + "\"fund\":\"BUSINESS\",\"subject\":\"2140199\",\"amount\":\"1000.00\"}");
        examples.put("SET_LIMIT", "{\"id\":\"l1\",\"type\":\"SET_LIMIT\"," + COMMON + "\"date\":\"2023-01-01\","
                + "\"category\":\"RECEPTION\",\"amount\":\"30000.00\"}");
        examples.put("COMMIT", "{\"id\":\"k1\",\"type\":\"COMMIT\"," + COMMON + "\"date\":\"2023-03-01\",\"line\":\"a1\","
                + "\"amount\":\"300000.00\",\"contract\":\"HT-2023-017\",\"payee\":\"某软件公司\",\"schedule\":["
                + "{\"date\":\"2023-04-30\",\"amount\":\"100000.00\"},{\"date\":\"2023-09-30\",\"amount\":\"100000.00\"},"
                + "{\"date\":\"2023-12-20\",\"amount\":\"100000.00\"}]}");
        examples.put("PAY under a commitment", "{\"id\":\"p3\",\"type\":\"PAY\"," + COMMON + "\"date\":\"2023-04-28\","
                + "\"line\":\"a1\",\"economic\":\"30227\",\"amount\":\"100000.00\",\"payee\":\"某软件公司\","
                + "\"commitment\":\"k1\"}");
        examples.put("RELEASE", "{\"id\":\"k1-r\",\"type\":\"RELEASE\"," + COMMON + "\"date\":\"2023-11-15\","
                + "\"commitment\":\"k1\",\"amount\":\"50000.00\",\"memo\":\"合同变更，减少最后一期\"}");
        examples.put("RELEASE of all that is open", "{\"id\":\"k1-end\",\"type\":\"RELEASE\"," + COMMON
                + "\"date\":\"2023-12-31\",\"commitment\":\"k1\"}");
        examples.put("CARRY_OVER", "{\"id\":\"c2023\",\"type\":\"CARRY_OVER\"," + COMMON.substring(0, COMMON.length() - 1) + "}");
        return examples;
    }
}
