package org.budgetledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.replay.Replay;
import org.budgetledger.projection.replay.Replays;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

        // one row of the live read model, as the reports read it, altered behind the projection's back
        Map<String, Object> payment = jdbc.sql("UPDATE projection.fact_daily SET amount_fen = amount_fen + 100 WHERE ctid = "
                        + "(SELECT ctid FROM projection.fact_daily WHERE unit = ? AND measure = 'EXPENDITURE' AND kind = 'BASIC' LIMIT 1) "
                        + "RETURNING subject")
                .param(unit).query().singleRow();

        JsonNode corrupted = replay(api, unit);
        assertThat(corrupted.path("identical").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>();
        corrupted.path("differences").forEach(difference -> cells.add(difference.path("table").asText() + " "
                + difference.path("row").asText() + " " + difference.path("column").asText()));
        assertThat(cells).contains("T03 " + payment.get("subject") + " basic", "T03 TOTAL total", "T01 expenditure:58 amount");
        corrupted.path("differences").forEach(difference -> assertThat(difference.path("unit").asText()).isEqualTo(unit));
    }

    @Test
    void one_replay_at_a_time_and_a_replay_at_a_past_instant_rebuilds_what_was_known_then(Infrastructure infrastructure)
            throws Exception {
        HttpApi api = new HttpApi(port);
        String unit = "RK" + System.nanoTime() % 1_000_000;
        List<Delivered> history = RandomHistories.of(unit, 7, (1L << 45) + System.nanoTime() % 1_000_000_000L, 200);
        WireFormat.publish(infrastructure, unit + ":2023", history.stream()
                .map(delivered -> WireFormat.value(delivered.envelope(), delivered.event())).toList());
        long last = history.get(history.size() - 1).envelope().sequence();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + last).status() == 200);

        Replay first = replays.start(new Replays.Request(unit, null, null));
        assertThatThrownBy(() -> replays.start(new Replays.Request(unit, null, null)))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("/api/v1/audit/replays/" + first.id());
        await().atMost(Duration.ofSeconds(120)).until(() -> !replays.find(first.id()).orElseThrow().status().equals("RUNNING"));

        java.time.Instant middle = history.get(history.size() / 2).envelope().recordedAt();
        HttpApi.Answer started = api.post("/api/v1/audit/replays", Map.of("unit", unit, "knownAt", middle.toString()));
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(() -> api.get(started.body().path("url").asText()).body(),
                state -> !state.path("status").asText().equals("RUNNING"));
        assertThat(done.path("identical").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("knownAt").asText()).isEqualTo(middle.toString());
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
