package org.budgetledger.ledger.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** Examples of the catalog endpoints in the OpenAPI description: a 类, its 款 and a 项; an economic group and code. */
@Component
class CatalogApiDocs implements OpenApiCustomizer {

    private static final String SUBJECTS = "/api/v1/catalog/subjects";
    private static final String ECONOMIC = "/api/v1/catalog/economic";

    private final ObjectMapper json;

    CatalogApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        CatalogEntry subject = new CatalogEntry("2140199", "其他公路水路运输支出");
        CatalogEntry economic = new CatalogEntry("30201", "办公费");
        new ApiDescription(api, json)
                .answer(GET, SUBJECTS, "200", "类, 款 and 项", List.of(new CatalogEntry("214", "交通运输支出"),
                        new CatalogEntry("21401", "公路水路运输"), subject))
                .request(POST, SUBJECTS, "a 项 under an existing 款", subject)
                .answer(POST, SUBJECTS, "201", "added", subject)
                .answer(GET, ECONOMIC, "200", "a group and a code", List.of(new CatalogEntry("302", "商品和服务支出"), economic))
                .request(POST, ECONOMIC, "a code under an existing group", economic)
                .answer(POST, ECONOMIC, "201", "added", economic);
    }
}
