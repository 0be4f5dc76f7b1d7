package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** An example of re-processing parked records in the OpenAPI description. */
@Component
class ParkedEventApiDocs implements OpenApiCustomizer {

    private final ObjectMapper json;

    ParkedEventApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        new ApiDescription(api, json).answer(POST, "/api/v1/projection/parked-events:reprocess", "200",
                "all applied", new ParkedEvents.Reprocessed(3, 0, 12, 0));
    }
}
