package org.budgetledger.projection.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.projection.digests.DigestStatement;
import org.budgetledger.projection.digests.LedgerDigest;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.api.ExampleUnitYear;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/**
 * The publication's example in the OpenAPI description: a real one, composed as every publication is, of the small
 * made-up year the reports' examples show ({@link ExampleUnitYear}), with no profile and no last year (its blanks
 * open, its comparisons left out).
 */
@Component
class PublicationApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/publications/{unit}/{year}";

    private final ObjectMapper json;
    private final Narrative narrative;

    PublicationApiDocs(ObjectMapper json, Narrative narrative) {
        this.json = json;
        this.narrative = narrative;
    }

    @Override
    public void customise(OpenAPI api) {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2023, 12, 31), Instant.parse("2024-03-31T00:00:00Z"));
        YearTables tables = YearTables.of(2023, new ExampleUnitYear().inputs(period));
        Publication example = PublicationComposer.compose(narrative, "430001", 2023, Scope.DEPARTMENT, period,
                new PublicationComposer.Sources(tables, Optional.empty(), DisclosureSums.NONE, Optional.empty(),
                        new DisclosureFigures.Unit("湖南省交通运输厅科技信息中心", UnitType.PUBLIC_SERVICE_1, List.of(), false, 0, false),
                        new PublicationSources.LedgerPosition(4711, "3f".repeat(32), Instant.parse("2024-03-30T09:15:00Z")),
                        new DigestStatement(new LedgerDigest(4711, "9c".repeat(32), "2024-03-30T09:15:00.000000Z",
                                "B".repeat(86) + "==", "5d1c0e3f7a2b4c68"))));
        new ApiDescription(api, json).answer(GET, PATH, "200", "a unit's publication (format=json)", PublicationJson.of(example));
    }
}
