package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the scale phases bring a unit-year to size: batches that must be accepted whole, then a wait for the projection. */
final class ScaleBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleBatches() {
    }

    /** Posts the items as one {@code :batch} and empties them; every item must be accepted ({@code what} names them). */
    static void post(FirstPostAfterRestart.Requests product, ArrayNode batch, String what) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("transactions", batch.deepCopy());
        batch.removeAll();
        JsonNode answer = product.send("POST", "/api/v1/transactions:batch", body.toString());
        for (JsonNode result : answer.path("results")) {
            if (result.path("status").asInt() != 201) {
                throw new IllegalStateException("a " + what + " transaction was not accepted: " + result);
            }
        }
    }

    /** Returns once the projection has applied the unit's events up to {@code sequence}. */
    static void awaitApplied(FirstPostAfterRestart.Requests product, String unit, long sequence) throws Exception {
        while (true) {
            JsonNode answer = product.send("GET", "/api/v1/reports/" + unit + "/2023/T01?minSequence=" + sequence + "&wait=PT10S",
                    null);
            if ("T01".equals(answer.path("table").asText())) {
                return;
            }
            if (!"NOT_YET_APPLIED".equals(answer.path("code").asText())) {
                throw new IllegalStateException("a report with minSequence answered " + answer);
            }
        }
    }
}
