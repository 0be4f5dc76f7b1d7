package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored event whose payload was damaged in the database (one byte: its opening brace made a bracket) is
 * reported as damaged, by name, wherever it is read; it crashes no reader.
 */
class DamagedEventTest extends TamperingLedgerTest {

    @Autowired
    private CacheManager budgetYearCacheManager;

    private HttpApi api;
    private String unit;
    private StoreSnapshot snapshot;
    private long damaged;
    private String damagedEventId;

    @BeforeEach
    void postAHistoryAndDamageAnEvent() {
        api = api();
        unit = newUnit("B");
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "1000.00"))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Tx.pay("p1" + unit, unit, 2023, "a1" + unit, "30201", "10.00")).status())
                .isEqualTo(201);
        damaged = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE transaction_id = ?").param("p1" + unit)
                .query(Long.class).single();
        damagedEventId = superuser.sql("SELECT eventIdentifier FROM ledger.domain_event_entry WHERE globalIndex = ?").param(damaged)
                .query(String.class).single();
        snapshot = StoreSnapshot.take(superuser, damaged - 1, unit);

        superuser.sql("UPDATE ledger.domain_event_entry SET payload = overlay(payload PLACING '\\x5b'::bytea FROM 1 FOR 1) "
                + "WHERE globalIndex = ?").param(damaged).update();
        // as after a restart: the budget year is read from its events again
        budgetYearCacheManager.getCache("budget-years", Object.class, Object.class).clear();
    }

    @AfterEach
    void restore() {
        snapshot.restore();
        budgetYearCacheManager.getCache("budget-years", Object.class, Object.class).clear();
        assertThat(api.postRaw("/api/v1/audit/verify", "").body().path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_posting_to_its_budget_year_is_answered_with_a_problem_naming_the_event() {
        Answer answer = api.post("/api/v1/transactions", Tx.pay("p2" + unit, unit, 2023, "a1" + unit, "30201", "1.00"));

        assertThat(answer.code()).as(answer.body().toString()).isEqualTo("EVENT_DAMAGED");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().path("detail").asText()).contains("sequence " + damaged).contains(damagedEventId);
        // other budget years are not concerned
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a2" + unit, unit, 2024, "GENERAL_BUDGET", "1.00")).status())
                .isEqualTo(201);
        assertThat(superuser.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?").param("p2" + unit)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_history_stays_valid_json_and_marks_the_event_as_damaged() {
        Answer answer = api.get("/api/v1/audit/events?unit=" + unit + "&year=2023");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().isObject()).as(answer.body().toString()).isTrue();
        JsonNode events = answer.body().path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("payload").isObject()).isTrue();
        assertThat(events.get(0).has("damaged")).isFalse();
        JsonNode event = events.get(1);
        assertThat(event.path("sequence").asLong()).isEqualTo(damaged);
        assertThat(event.path("damaged").asText()).contains("cannot be read");
        String stored = new String(superuser.sql("SELECT payload FROM ledger.domain_event_entry WHERE globalIndex = ?").param(damaged)
                .query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(event.path("payload").asText()).isEqualTo(stored);
    }

    @Test
    void a_payload_with_text_after_its_object_is_damaged_too_and_the_history_stays_valid_json() {
        long appropriation = superuser.sql("SELECT globalIndex FROM ledger.domain_event_entry WHERE transaction_id = ?")
                .param("a1" + unit).query(Long.class).single();
        // the event still reads as its object, but written out as stored it would end the answer's JSON early
        superuser.sql("UPDATE ledger.domain_event_entry SET payload = payload || '\\x5d2c7b'::bytea WHERE globalIndex = ?")
                .param(appropriation).update();

        Answer answer = api.get("/api/v1/audit/events?unit=" + unit + "&year=2023");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().isObject()).as(answer.body().toString()).isTrue();
        JsonNode event = answer.body().path("events").get(0);
        assertThat(event.path("sequence").asLong()).isEqualTo(appropriation);
        assertThat(event.path("damaged").asText()).contains("cannot be read");
    }

    @Test
    void the_history_filtered_by_effective_date_reads_past_it() {
        Answer own = api.get("/api/v1/audit/events?unit=" + unit + "&from=2023-01-01&to=2023-12-31");
        Answer everyone = api.get("/api/v1/audit/events?from=2023-01-01&limit=1000");

        assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
        assertThat(own.body().path("events").findValuesAsText("transactionId")).contains("a1" + unit);
        assertThat(everyone.status()).as(everyone.body().toString()).isEqualTo(200);
    }

    @Test
    void verification_names_the_event() {
        JsonNode result = api.postRaw("/api/v1/audit/verify", "").body();

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("firstOffending").path("sequence").asLong()).isEqualTo(damaged);
        assertThat(result.path("firstOffending").path("eventId").asText()).isEqualTo(damagedEventId);
        assertThat(result.path("firstOffending").path("problem").asText()).contains("altered");
    }
}
