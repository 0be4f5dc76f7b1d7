package org.budgetledger.projection.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.budgetledger.projection.reports.tables.ReportTables;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Puts an example answer of every report (T01 … T09, execution) into the OpenAPI description of
 * GET /api/v1/reports/{unit}/{year}/{table}. Each is computed by the table itself, for a unit-year with
 * nothing posted yet, so the example cannot drift from the real shape: its rows, codes, 行次 and columns.
 */
@Component
class ReportApiExamples implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/reports/{unit}/{year}/{table}";

    private final ObjectMapper json;

    ReportApiExamples(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        var path = api.getPaths() == null ? null : api.getPaths().get(PATH);
        if (path == null || path.getGet() == null || path.getGet().getResponses() == null) {
            return;
        }
        ApiResponse ok = path.getGet().getResponses().get("200");
        if (ok == null) {
            return;
        }
        if (ok.getContent() == null) {
            ok.setContent(new Content());
        }
        MediaType answer = ok.getContent().computeIfAbsent("application/json", type -> new MediaType());
        ReportInputs nothingPosted = new ReportInputs(List.of(), Map.of());
        ReportTables.all().forEach((name, table) -> {
            Report report = new Report(name, "430001", 2023, LocalDate.of(2023, 12, 31),
                    Instant.parse("2024-03-31T00:00:00Z"), Scale.WANYUAN.parameterValue(), table.columns(),
                    table.rows(nothingPosted, Scale.WANYUAN));
            answer.addExamples(name, new Example().summary(name + " of a unit-year with nothing posted yet (万元)")
                    .value(json.valueToTree(report)));
        });
    }
}
