package org.budgetledger.ledger.audit;

import org.budgetledger.ledger.LedgerIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHistoryTest extends LedgerIntegrationTest {


    @Test
    void the_history_pages_in_sequence_order_with_everything_an_outside_verifier_needs() {
        HttpApi api = new HttpApi(port);
        api.post("/api/v1/units", Map.of("code", TestUsers.UNIT_A, "name", "审计单位"));
        for (int n = 0; n < 5; n++) {
            api.post("/api/v1/transactions", Tx.appropriate("h" + n + "-" + System.nanoTime(), TestUsers.UNIT_A, 2023,
                    "GENERAL_BUDGET", "1.00"));
        }

        JsonNode first = HttpApi.as(port, "auditor-a").get("/api/v1/audit/events?unit=UA&year=2023&limit=2").body();

        assertThat(first.path("events")).hasSize(2);
        JsonNode event = first.path("events").get(0);
        assertThat(event.path("unit").asText()).isEqualTo("UA");
        assertThat(event.path("type").asText()).isEqualTo("BudgetAppropriated");
        assertThat(event.path("principal").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(event.path("payload").path("amount").asText()).isEqualTo("1.00");
        String next = first.path("next").asText();
        assertThat(next).contains("afterSequence=" + first.path("events").get(1).path("sequence").asLong());
        JsonNode second = HttpApi.as(port, "auditor-a").get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery()).body();
        assertThat(second.path("events").get(0).path("sequence").asLong())
                .isGreaterThan(first.path("events").get(1).path("sequence").asLong());

        // an outside party recomputes the hash from the answer alone (payload as returned, byte for byte)
        JsonNode raw = api.get("/api/v1/audit/events?unit=UA&year=2023&limit=1").body().path("events").get(0);
        String payload = raw.path("payload").toString();
        String recomputed = EventHash.of(raw.path("previousHash").asText(), raw.path("eventId").asText(),
                raw.path("aggregateId").asText(), raw.path("aggregateSequence").asLong(), raw.path("type").asText(),
                Instant.parse(raw.path("recordedAt").asText()), raw.path("transactionId").asText(),
                payload.getBytes(StandardCharsets.UTF_8));
        assertThat(recomputed).isEqualTo(raw.path("hash").asText());

        assertThat(HttpApi.as(port, "auditor-a").get("/api/v1/audit/events?unit=UB").status()).isEqualTo(404);
        assertThat(HttpApi.as(port, "viewer-all").get("/api/v1/audit/events").status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "clerk-all").postRaw("/api/v1/audit/verify", "").status()).isEqualTo(403);
    }
}
