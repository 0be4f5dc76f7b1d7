package org.budgetledger.web.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import org.budgetledger.contracts.api.ProblemCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What both services show operators over HTTP: the OpenAPI description (health and metrics: Actuator's). */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** The machine codes of every problem answer, with their HTTP status, as a Markdown table. */
    static String problemCodes() {
        StringBuilder table = new StringBuilder("| code | status | meaning |\n|---|---|---|\n");
        for (ProblemCode code : ProblemCode.values()) {
            table.append("| `").append(code.name()).append("` | ").append(code.httpStatus()).append(" | ")
                    .append(code.title()).append(" |\n");
        }
        return table.toString();
    }

    @Bean
    ProblemApiResponses problemApiResponses(ObjectMapper json) {
        return new ProblemApiResponses(json);
    }

    @Bean
    OpenAPI budgetLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Budget Ledger API")
                        .description("Budget transactions of public-sector budget units, the 部门决算公开表 for any point in "
                                + "time, audit history and verification. Amounts are strings in 元 with at most two decimals. "
                                + "Errors are application/problem+json with a machine `code`:\n\n" + problemCodes())
                        .version("v1").license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
