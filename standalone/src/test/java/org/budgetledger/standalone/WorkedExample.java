package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.testing.HttpApi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worked example with its publication data, posted over HTTP as the launcher's demo holds it: 湖南省交通运输厅科技信息中心
 * (a 公益一类 unit), its 2023 history, the profile of 430001/2023 and its 2022 reference tables (SPEC §15). Idempotent:
 * the transactions are posted under their ids; the profile and reference are recorded again, the same.
 */
final class WorkedExample {

    static final String UNIT = "430001";

    private WorkedExample() {
    }

    /** Posts it all and waits until the projection has applied it. */
    static void post(HttpApi api) {
        JsonNode history = DemoData.read();
        api.post("/api/v1/units", Map.of("code", UNIT, "name", history.path("unit").path("name").asText(),
                "type", "PUBLIC_SERVICE_1"));
        // a unit registered by another test of the context without its type: the centre is a 公益一类 unit
        api.send("PATCH", "/api/v1/units/" + UNIT, "{\"type\":\"PUBLIC_SERVICE_1\",\"effective\":\"2023-01-01\"}");
        ObjectNode batch = new ObjectMapper().createObjectNode();
        batch.set("transactions", history.path("transactions"));
        JsonNode results = api.postRaw("/api/v1/transactions:batch", batch.toString()).body().path("results");
        for (JsonNode result : results) {
            assertThat(result.path("status").asInt()).as(result.toString()).isIn(200, 201);
        }
        JsonNode publication = DemoData.read(DemoData.PUBLICATION);
        HttpApi.Answer profile = api.send("PUT", "/api/v1/units/" + UNIT + "/years/2023/profile", publication.path("profile").toString());
        assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        publication.path("reference").path("files").fields().forEachRemaining(file ->
                files.put(file.getKey(), file.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        HttpApi.Answer reference = api.postFiles("/api/v1/units/" + UNIT + "/years/2023/reference", files);
        assertThat(reference.status()).as(reference.body().toString()).isEqualTo(200);
        long last = reference.body().path("sequence").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/publications/" + UNIT + "/2023?format=json&scope=unit&minSequence=" + last).status() == 200);
    }
}
