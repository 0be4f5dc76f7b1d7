package org.budgetledger.ledger.audit;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code from}/{@code to} filters of the history read each event's effective date from its stored payload.
 * Events stored before lone surrogates were refused hold escapes such as {@code \uDFFF}, which PostgreSQL's JSON
 * types reject: one such event must not make the filtered history fail for the whole ledger.
 */
class EffectiveDateFilterTest extends LedgerIntegrationTest {

    @Test
    void the_effective_date_is_read_from_a_payload_that_is_no_valid_json_for_postgresql() {
        String payload = "{\"transactionId\":\"\\uD800\",\"memo\":\"\\uDFFF\",\"effectiveDate\":\"2023-03-04\"}";

        assertThat(effectiveDate(payload)).isEqualTo(LocalDate.of(2023, 3, 4));
    }

    @Test
    void an_effective_date_written_inside_another_field_is_not_taken_for_the_events_own() {
        String payload = "{\"memo\":\"\\\"effectiveDate\\\":\\\"1999-01-01\\\"\",\"effectiveDate\":\"2023-03-04\"}";

        assertThat(effectiveDate(payload)).isEqualTo(LocalDate.of(2023, 3, 4));
    }

    private LocalDate effectiveDate(String payload) {
        return jdbc.sql("SELECT (" + EventHistory.EFFECTIVE_DATE + ")::date FROM (VALUES (?::bytea)) AS stored(payload)")
                .param(payload.getBytes(StandardCharsets.UTF_8)).query(LocalDate.class).single();
    }
}
