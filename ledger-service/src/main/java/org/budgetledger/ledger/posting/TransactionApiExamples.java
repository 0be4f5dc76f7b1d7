package org.budgetledger.ledger.posting;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Puts an example of every transaction type of SPEC §4 into the OpenAPI description of POST /api/v1/transactions. */
@Component
class TransactionApiExamples implements OpenApiCustomizer {

    private static final String COMMON = "\"unit\":\"430001\",\"year\":2023,";

    static final Map<String, String> EXAMPLES = examples();

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        var path = api.getPaths() == null ? null : api.getPaths().get("/api/v1/transactions");
        if (path == null || path.getPost() == null || path.getPost().getRequestBody() == null) {
            return;
        }
        Content content = path.getPost().getRequestBody().getContent();
        MediaType json = content.get("application/json");
        if (json == null) {
            return;
        }
        EXAMPLES.forEach((type, body) -> json.addExamples(type, new Example().summary(type).value(body)));
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
        examples.put("REFUND", "{\"id\":\"r1\",\"type\":\"REFUND\"," + COMMON + "\"date\":\"2023-02-20\",\"payment\":\"p1\","
                + "\"amount\":\"500.50\"}");
        examples.put("RECEIVE", "{\"id\":\"i1\",\"type\":\"RECEIVE\"," + COMMON + "\"date\":\"2023-12-20\",\"fund\":\"OTHER\","
                + "\"subject\":\"2140199\",\"amount\":\"700.00\"}");
        examples.put("OPENING_BALANCE", "{\"id\":\"o1\",\"type\":\"OPENING_BALANCE\"," + COMMON + "\"date\":\"2023-01-01\","
                + "\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140106\",\"kind\":\"PROJECT\",\"project\":\"省级专项资金\",\"amount\":\"1709800.00\"}");
        examples.put("USE_RESERVE", "{\"id\":\"u1\",\"type\":\"USE_RESERVE\"," + COMMON + "\"date\":\"2023-03-01\",\"fund\":\"OTHER\","
                + "\"subject\":\"2140199\",\"amount\":\"82900.00\"}");
        examples.put("DISTRIBUTE_SURPLUS", "{\"id\":\"d1\",\"type\":\"DISTRIBUTE_SURPLUS\"," + COMMON + "\"date\":\"2023-12-31\","
                + "\"fund\":\"BUSINESS\",\"subject\":\"2140199\",\"amount\":\"1000.00\"}");
        examples.put("SET_LIMIT", "{\"id\":\"l1\",\"type\":\"SET_LIMIT\"," + COMMON + "\"date\":\"2023-01-01\","
                + "\"category\":\"RECEPTION\",\"amount\":\"30000.00\"}");
        examples.put("CARRY_OVER", "{\"id\":\"c2023\",\"type\":\"CARRY_OVER\"," + COMMON.substring(0, COMMON.length() - 1) + "}");
        return examples;
    }
}
