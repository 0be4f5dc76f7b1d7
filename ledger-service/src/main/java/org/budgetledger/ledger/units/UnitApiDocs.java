package org.budgetledger.ledger.units;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PATCH;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** Examples of the unit endpoints in the OpenAPI description: a 厅 and its centre, renamed and regraded in December 2023. */
@Component
class UnitApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/units";
    private static final String ONE = "/api/v1/units/{code}";

    private final ObjectMapper json;

    UnitApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        Unit department = new Unit("430000", "湖南省交通运输厅", null, UnitType.ADMINISTRATIVE);
        Unit centre = new Unit("430001", "湖南省交通运输厅科技信息中心", "430000", UnitType.PUBLIC_SERVICE_1);
        Unit renamed = new Unit("430001", "湖南省交通运输厅科技信息与宣传中心", "430000", UnitType.PUBLIC_SERVICE_2);
        new ApiDescription(api, json)
                .request(POST, PATH, "a unit under its 主管部门", new UnitRequests.Registration(centre.code(), centre.name(),
                        centre.parent(), centre.type().name()))
                .answer(POST, PATH, "201", "registered", centre)
                .answer(GET, PATH, "200", "a department and its unit", List.of(department, centre))
                .request(PATCH, ONE, "renamed and regraded from a date on", Map.of("name", renamed.name(),
                        "type", renamed.type(), "effective", "2023-12-01"))
                .answer(PATCH, ONE, "200", "the unit as of the effective date", renamed)
                .answer(GET, ONE, "200", "as of 2024-01-01, with its history", new UnitView(renamed.code(), renamed.name(),
                        renamed.parent(), renamed.type(), List.of(
                        new UnitView.Entry(null, centre.name(), centre.parent(), centre.type(),
                                Instant.parse("2023-01-03T01:00:00Z"), 2L),
                        new UnitView.Entry(LocalDate.parse("2023-12-01"), renamed.name(), null, renamed.type(),
                                Instant.parse("2023-12-05T02:30:00Z"), 4711L))));
    }
}
