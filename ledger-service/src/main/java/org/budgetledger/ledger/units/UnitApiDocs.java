package org.budgetledger.ledger.units;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** Examples of the unit endpoints in the OpenAPI description. */
@Component
class UnitApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/units";

    private final ObjectMapper json;

    UnitApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        Unit unit = new Unit("430001", "湖南省交通运输厅科技信息中心");
        new ApiDescription(api, json)
                .request(POST, PATH, "a unit", unit)
                .answer(POST, PATH, "201", "registered", unit)
                .answer(GET, PATH, "200", "two units", List.of(unit, new Unit("430002", "湖南省交通运输厅机关服务中心")));
    }
}
