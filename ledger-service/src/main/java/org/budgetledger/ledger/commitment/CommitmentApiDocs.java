package org.budgetledger.ledger.commitment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/** Examples of the commitment endpoints in the OpenAPI description: a contract paid in part, and one carried over. */
@Component
class CommitmentApiDocs implements OpenApiCustomizer {

    private final ObjectMapper json;

    CommitmentApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        // 300,000.00 in three instalments; 100,000.00 paid (the first one), 50,000.00 released (of the last one)
        CommitmentState partlyPaid = CommitmentState.of("k1", "430001", 2023, "a1", LocalDate.of(2023, 3, 1),
                "HT-2023-017", "某软件公司", 30_000_000L, 10_000_000L, 5_000_000L, List.of(
                        scheduled("2023-04-30", 10_000_000L), scheduled("2023-09-30", 10_000_000L),
                        scheduled("2023-12-20", 10_000_000L)), null, null);
        CommitmentState carried = CommitmentState.of("k7", "430001", 2024, "a1>2024", LocalDate.of(2024, 1, 1),
                "HT-2023-031", "某工程公司", 8_000_000L, 0L, 0L, List.of(scheduled("2024-01-01", 3_000_000L),
                        scheduled("2024-06-30", 5_000_000L)), 2023, null);
        new ApiDescription(api, json)
                .answer(GET, "/api/v1/commitments", "200", "a commitment paid in part and one carried over",
                        List.of(partlyPaid, carried))
                .answer(GET, "/api/v1/commitments/{id}", "200", "a commitment paid in part", partlyPaid);
    }

    private static ScheduledPayment scheduled(String date, long amountFen) {
        return new ScheduledPayment(LocalDate.parse(date), Money.ofFen(amountFen));
    }
}
