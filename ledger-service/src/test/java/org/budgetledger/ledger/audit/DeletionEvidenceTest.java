package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequences are handed out without gaps (a posting that fails hands its numbers back), so a missing sequence is
 * a deleted event, reported without a digest: in the middle of the history, and at its end, whether or not
 * anything was posted after it.
 */
class DeletionEvidenceTest extends TamperingLedgerTest {

    private HttpApi api;
    private String unit;
    private List<Long> sequences;
    private StoreSnapshot snapshot;

    @BeforeEach
    void postAHistoryAndKeepACopy() {
        api = api();
        unit = newUnit("G");
        post(Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"));
        for (int n = 0; n < 5; n++) {
            post(Tx.pay("p" + n + unit, unit, 2023, "a1" + unit, "30201", "10.00"));
        }
        sequences = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE aggregateIdentifier = ? ORDER BY globalIndex")
                .param(unit + ":2023").query(Long.class).list();
        snapshot = StoreSnapshot.take(superuser, sequences.get(0), unit);
        assertThat(verify().path("ok").asBoolean()).as(verify().toString()).isTrue();
    }

    @AfterEach
    void restore() {
        snapshot.restore();
        assertThat(verify().path("ok").asBoolean()).as(verify().toString()).isTrue();
    }

    @Test
    void the_newest_events_deleted_and_a_posting_after_them_name_the_missing_sequences() {
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(sequences.get(3)).update();
        post(Tx.pay("p9" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));
        long after = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE transaction_id = ?").param("p9" + unit)
                .query(Long.class).single();

        JsonNode offending = offending(verify(), after);

        assertThat(offending.path("problem").asText())
                .contains("sequences " + sequences.get(3) + " to " + sequences.get(5) + " ").contains("deleted");
    }

    @Test
    void events_deleted_in_the_middle_name_the_missing_sequences() {
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex BETWEEN ? AND ?").params(sequences.get(1), sequences.get(3))
                .update();
        post(Tx.pay("p9" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));

        JsonNode offending = offending(verify(), sequences.get(4));

        assertThat(offending.path("problem").asText()).contains("sequences " + sequences.get(1) + " to " + sequences.get(3) + " ");
    }

    @Test
    void the_newest_events_deleted_are_named_without_a_digest() {
        superuser.sql("DELETE FROM ledger.domain_event_entry WHERE globalIndex >= ?").param(sequences.get(4)).update();

        JsonNode offending = offending(verify(), sequences.get(4));

        assertThat(offending.path("eventId").isNull()).isTrue();
        assertThat(offending.path("problem").asText()).contains("sequences " + sequences.get(4) + " to " + sequences.get(5) + " ");
    }

    @Test
    void a_posting_that_fails_after_storing_its_events_leaves_no_gap() {
        // its events are stored, then the budget line view cannot be updated and the posting rolls back
        superuser.sql("CREATE TABLE IF NOT EXISTS line_aside AS SELECT * FROM ledger.budget_line WHERE id = ?").param("a1" + unit).update();
        superuser.sql("DELETE FROM ledger.budget_line WHERE id = ?").param("a1" + unit).update();
        Answer failed = api.post("/api/v1/transactions", Tx.pay("p8" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));
        superuser.sql("INSERT INTO ledger.budget_line SELECT * FROM line_aside").update();
        superuser.sql("DROP TABLE line_aside").update();
        assertThat(failed.status()).isEqualTo(500);

        post(Tx.pay("p9" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));

        JsonNode result = verify();
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }

    private void post(java.util.Map<String, Object> body) {
        Answer answer = api.post("/api/v1/transactions", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    }

    private JsonNode verify() {
        Answer answer = api.postRaw("/api/v1/audit/verify", "");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode offending(JsonNode result, long sequence) {
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("firstOffending").path("sequence").asLong()).as(result.toString()).isEqualTo(sequence);
        return result.path("firstOffending");
    }
}
