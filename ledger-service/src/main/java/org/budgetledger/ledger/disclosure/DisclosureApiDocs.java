package org.budgetledger.ledger.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.codes.VehicleUse;
import org.budgetledger.contracts.events.AssetHoldings;
import org.budgetledger.contracts.events.PerformanceResult;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.events.VehicleHoldings;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;

/** Examples of the disclosure endpoints (SPEC §15): the worked example's profile and its 2022 reference tables. */
@Component
class DisclosureApiDocs implements OpenApiCustomizer {

    private static final String PROFILE = "/api/v1/units/{code}/years/{year}/profile";
    private static final String REFERENCE = "/api/v1/units/{code}/years/{year}/reference";

    private final ObjectMapper json;

    DisclosureApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        ProfileRequest request = new ProfileRequest("负责厅机关交通运输信息化项目建设、运维和数据资源管理等相关工作。",
                "中心设有5个部门：综合部、政务服务部、数据资源部、运行监测部、技术发展部。",
                new ProfileRequest.Assets(new ProfileRequest.Vehicles(1, Map.of("OTHER", 1)), null, 4),
                List.of(new ProfileRequest.Performance("业务工作经费", new BigDecimal("86.5"), null)),
                Map.of("total_change_reason", "2023年信息化建设资金较2022年大幅减少"));
        UnitYearProfileSet recorded = new UnitYearProfileSet("430001", 2023, request.functions(), request.organisation(),
                new AssetHoldings(new VehicleHoldings(1, Map.of(VehicleUse.OTHER, 1)), null, 4),
                List.of(new PerformanceResult("业务工作经费", new BigDecimal("86.5"), null)), request.explanations(), "admin");
        Instant at = Instant.parse("2024-03-30T09:15:00Z");
        new ApiDescription(api, json)
                .request(PUT, PROFILE, "the worked example's profile", request)
                .answer(PUT, PROFILE, "200", "recorded", new DisclosureController.ProfileAnswer("430001", 2023, 4711, at, recorded))
                .answer(POST, REFERENCE, "200", "the 2022 tables the 2023 report compares with", new DisclosureController.ReferenceAnswer(
                        "430001", 2023, 2022, "WANYUAN", List.of(new DisclosureController.TableSummary("T01", 2),
                        new DisclosureController.TableSummary("T04", 2), new DisclosureController.TableSummary("T05", 1),
                        new DisclosureController.TableSummary("T09", 1)), 4712, at.plusSeconds(30)));
    }
}
