package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/** Examples of the import endpoints in the OpenAPI description: a job just accepted, and one decided with a bad row. */
@Component
class ImportApiDocs implements OpenApiCustomizer {

    private static final String ID = "5d0b7c1e-9a43-4f2e-b8d6-1c7e0a3f9b24";

    private final ObjectMapper json;

    ImportApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        String csv = VoucherFile.Format.CSV.text();
        String mode = ImportMode.VALID.text();
        ImportJob.View accepted = new ImportJob.View(ID, "凭证-2023-02.csv", csv, "GB18030", mode, ImportJob.Status.RUNNING,
                120, 0, 0, 0, 0, List.of(), null);
        ImportJob.View decided = new ImportJob.View(ID, "凭证-2023-02.csv", csv, "GB18030", mode, ImportJob.Status.COMPLETED,
                120, 120, 118, 1, 1, List.of(new ImportJob.Problem(38, "p-0237", 409, "INSUFFICIENT_BALANCE",
                        "line a1 has 1200.00 available, the payment is 2500.50", null)), null);
        new ApiDescription(api, json)
                .answer(POST, "/api/v1/transactions:import", "202", "accepted", accepted)
                .answer(GET, "/api/v1/imports/{id}", "200", "decided: 118 stored, 1 already, 1 bad row", decided);
    }
}
