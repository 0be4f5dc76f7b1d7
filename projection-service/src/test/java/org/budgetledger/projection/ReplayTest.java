package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.replay.Replay;
import org.budgetledger.projection.replay.Replays;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replays rebuild the read model from the topic into a scratch schema and compare every cell with the live one. */
class ReplayTest extends ProjectionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Replays replays;

    @Test
    void a_replay_of_an_untouched_history_is_identical_and_a_corrupted_cell_is_named(Infrastructure infrastructure) throws Exception {
        HttpApi api = new HttpApi(port);
        String unit = "RP" + System.nanoTime() % 1_000_000;
        List<Delivered> history = RandomHistories.of(unit, 42, (1L << 44) + System.nanoTime() % 1_000_000_000L, 300);
        // as a publisher that resumes after a crash does: a stretch of the history sent again, each event applied once
        List<Delivered> republished = new ArrayList<>(history);
        republished.addAll(200, history.subList(120, 200));
        WireFormat.publish(infrastructure, unit + ":2023", republished.stream()
                .map(delivered -> WireFormat.value(delivered.envelope(), delivered.event())).toList());
        long last = history.get(history.size() - 1).envelope().sequence();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + last).status() == 200);

        JsonNode clean = replay(api, unit);
        assertThat(clean.path("identical").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("processed").asLong()).isEqualTo(clean.path("total").asLong()).isGreaterThanOrEqualTo(republished.size());

        // one dimension of the live read model, as the reports read it, altered behind the projection's back
        Map<String, Object> payment = alterOnePayment(unit);

        JsonNode corrupted = replay(api, unit);
        assertThat(corrupted.path("identical").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>();
        corrupted.path("differences").forEach(difference -> cells.add(difference.path("table").asText() + " "
                + difference.path("row").asText() + " " + difference.path("column").asText()));
        assertThat(cells).contains("T03 " + payment.get("subject") + " basic", "T03 TOTAL total", "T01 expenditure:58 amount");
        corrupted.path("differences").forEach(difference -> assertThat(difference.path("unit").asText()).isEqualTo(unit));
    }

    @Test
    void replays_wait_their_turn_and_one_units_replay_is_not_shown_to_another_units_auditor(Infrastructure infrastructure)
            throws Exception {
        HttpApi api = new HttpApi(port);
        String unit = "RK" + System.nanoTime() % 1_000_000;
        List<Delivered> history = RandomHistories.of(unit, 7, (1L << 45) + System.nanoTime() % 1_000_000_000L, 200);
        WireFormat.publish(infrastructure, unit + ":2023", history.stream()
                .map(delivered -> WireFormat.value(delivered.envelope(), delivered.event())).toList());
        long last = history.get(history.size() - 1).envelope().sequence();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + last).status() == 200);

        // another unit's replay is running or waiting: an auditor of UA starts one anyway and learns nothing of it
        Replay others = replays.start(new Replays.Request(unit, null, null));
        HttpApi auditorA = HttpApi.as(port, "auditor-a");
        HttpApi.Answer own = auditorA.post("/api/v1/audit/replays", Map.of("unit", TestUsers.UNIT_A));
        assertThat(own.status()).as(own.body().toString()).isEqualTo(202);
        assertThat(own.body().toString()).doesNotContain(others.id());
        assertThat(auditorA.get("/api/v1/audit/replays/" + others.id()).status()).isEqualTo(404);
        JsonNode waiting = auditorA.get(own.body().path("url").asText()).body();
        assertThat(waiting.path("unit").asText()).isEqualTo(TestUsers.UNIT_A);
        JsonNode ownDone = await().atMost(Duration.ofSeconds(120)).until(() -> auditorA.get(own.body().path("url").asText()).body(),
                state -> !state.path("status").asText().equals("RUNNING"));
        assertThat(ownDone.path("status").asText()).as(ownDone.toString()).isEqualTo("SUCCEEDED");
        assertThat(ownDone.has("queuePosition")).isFalse();
        // replays run one at a time, in the order asked: the other unit's was done first
        Replay othersDone = replays.find(others.id()).orElseThrow();
        assertThat(othersDone.status()).isEqualTo("SUCCEEDED");
        assertThat(othersDone.finishedAt()).isBeforeOrEqualTo(java.time.Instant.parse(ownDone.path("startedAt").asText()));

        java.time.Instant middle = history.get(history.size() / 2).envelope().recordedAt();
        HttpApi.Answer started = api.post("/api/v1/audit/replays", Map.of("unit", unit, "knownAt", middle.toString()));
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(() -> api.get(started.body().path("url").asText()).body(),
                state -> !state.path("status").asText().equals("RUNNING"));
        assertThat(done.path("identical").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("knownAt").asText()).isEqualTo(middle.toString());
    }

    @Test
    void a_waiting_replay_shows_its_place_in_the_queue_and_a_full_queue_names_no_replay() {
        String unit = "RQ" + System.nanoTime() % 1_000_000;
        List<Replay> asked = new ArrayList<>();
        ApiProblem full = null;
        for (int i = 0; i <= Replays.WAITING_MAX + 1 && full == null; i++) {
            try {
                asked.add(replays.start(new Replays.Request(unit, null, null)));
            } catch (ApiProblem refused) {
                full = refused;
            }
        }
        assertThat(full).as("a queue of %d replays is full", Replays.WAITING_MAX).isNotNull();
        assertThat(full.getMessage()).doesNotContain("/api/v1/audit/replays/");
        String refusal = full.getMessage();
        asked.forEach(replay -> assertThat(refusal).doesNotContain(replay.id()));
        Replay lastAsked = asked.get(asked.size() - 1);
        assertThat(lastAsked.status()).isEqualTo("RUNNING");
        assertThat(lastAsked.startedAt()).isNull();
        assertThat(lastAsked.processed()).isZero();
        assertThat(lastAsked.queuePosition()).isBetween(1, Replays.WAITING_MAX);
        asked.forEach(replay -> await().atMost(Duration.ofSeconds(240)).until(() ->
                !replays.find(replay.id()).orElseThrow().status().equals("RUNNING")));
    }

    /**
     * 1.00 more paid of one dimension of basic expenditure, as the reports read it: in the unit-year's latest checkpoint
     * (V15; its sums before each month from the second on, and up to each day of its months), or in its day sums when it
     * has no checkpoint. The subject it was paid under.
     */
    private Map<String, Object> alterOnePayment(String unit) {
        List<Map<String, Object>> dimension = jdbc.sql("""
                        UPDATE projection.fact_checkpoint_dimension d SET before_month_fen = (
                            SELECT array_agg(CASE WHEN k = 1 THEN fen ELSE fen + 100 END ORDER BY k)
                            FROM unnest(d.before_month_fen) WITH ORDINALITY AS month (fen, k))
                        WHERE ctid = (SELECT ctid FROM projection.fact_checkpoint_dimension
                                      WHERE unit = :unit AND measure = 'EXPENDITURE' AND kind = 'BASIC' AND known_until =
                                          (SELECT max(known_until) FROM projection.fact_checkpoint WHERE unit = :unit)
                                      LIMIT 1)
                        RETURNING unit, year, known_until, measure, fund, subject, kind, economic, project, origin,
                                  counterparty""")
                .param("unit", unit).query().listOfRows();
        if (dimension.isEmpty()) {
            return jdbc.sql("UPDATE projection.fact_daily SET amount_fen = amount_fen + 100 WHERE ctid = "
                            + "(SELECT ctid FROM projection.fact_daily WHERE unit = ? AND measure = 'EXPENDITURE' AND kind = 'BASIC' LIMIT 1) "
                            + "RETURNING subject")
                    .param(unit).query().singleRow();
        }
        jdbc.sql("""
                        UPDATE projection.fact_checkpoint_month m SET day_fen = (
                            SELECT array_agg(fen + 100 ORDER BY d) FROM unnest(m.day_fen) WITH ORDINALITY AS day (fen, d))
                        WHERE unit = :unit AND year = :year AND known_until = :known_until AND measure = :measure
                          AND fund = :fund AND subject = :subject AND kind = :kind AND economic = :economic
                          AND project = :project AND origin = :origin AND counterparty = :counterparty""")
                .params(dimension.get(0)).update();
        return dimension.get(0);
    }

    private JsonNode replay(HttpApi api, String unit) {
        HttpApi.Answer started = api.post("/api/v1/audit/replays", Map.of("unit", unit));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String url = started.body().path("url").asText();
        List<Long> progress = new ArrayList<>();
        JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode state = api.get(url).body();
            progress.add(state.path("processed").asLong());
            return state;
        }, state -> !state.path("status").asText().equals("RUNNING"));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(progress).isSortedAccordingTo(Long::compare);
        return done;
    }
}
