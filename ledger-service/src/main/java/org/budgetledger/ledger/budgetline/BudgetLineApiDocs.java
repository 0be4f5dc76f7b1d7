package org.budgetledger.ledger.budgetline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/** Examples of the budget-line endpoints in the OpenAPI description: a project line and a basic line. */
@Component
class BudgetLineApiDocs implements OpenApiCustomizer {

    private final ObjectMapper json;

    BudgetLineApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        BudgetLineState project = BudgetLineState.of("a1", "430001", 2023, "GENERAL_BUDGET", "2140199", "PROJECT",
                "业务工作经费", null, "APPROPRIATION", 100_000_000L, -2_000_000L, 250_050L, 30_000_000L);
        BudgetLineState basic = BudgetLineState.of("a2", "430001", 2023, "GENERAL_BUDGET", "2080505", "BASIC",
                null, "301", "APPROPRIATION", 12_000_000L, 0L, 6_000_000L, 0L);
        new ApiDescription(api, json)
                .answer(GET, "/api/v1/budget-lines", "200", "two lines of a unit-year", List.of(project, basic))
                .answer(GET, "/api/v1/budget-lines/{id}", "200", "a project line", project);
    }
}
