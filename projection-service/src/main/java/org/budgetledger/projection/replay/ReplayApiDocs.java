package org.budgetledger.projection.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** Examples of the replay endpoints in the OpenAPI description: a replay asked for, running, and finished. */
@Component
class ReplayApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/audit/replays";
    private static final String ID = "8e3d5a1f-2c47-4b9e-a6d0-7f1b3c9e5a28";

    private final ObjectMapper json;

    ReplayApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        Instant started = Instant.parse("2024-03-31T08:00:00Z");
        Replay running = new Replay(ID, "RUNNING", "430001", 2023, null, started, null, 412_000, 1_450_000, 95_000, 10L,
                null, null, null, null, null);
        Replay identical = new Replay(ID, "SUCCEEDED", "430001", 2023, null, started, Instant.parse("2024-03-31T08:00:16Z"),
                1_450_000, 1_450_000, 93_750, 0L, true, 0, List.of(), null, null);
        Replay differing = new Replay(ID, "SUCCEEDED", "430001", 2023, null, started, Instant.parse("2024-03-31T08:00:16Z"),
                1_450_000, 1_450_000, 93_750, 0L, false, 1, List.of(new Replay.Difference("T03", "430001", 2023, "2140199",
                "project", "1003700.50", "1003200.50")), null, null);
        new ApiDescription(api, json)
                .request(POST, PATH, "one unit-year", new Replays.Request("430001", 2023, null))
                .answer(POST, PATH, "202", "started", Map.of("id", ID, "url", PATH + "/" + ID))
                .answer(GET, PATH + "/{id}", "200", "running", running)
                .answer(GET, PATH + "/{id}", "200", "identical", identical)
                .answer(GET, PATH + "/{id}", "200", "a cell differs", differing);
    }
}
