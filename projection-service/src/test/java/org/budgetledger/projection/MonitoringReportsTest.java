package org.budgetledger.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §14 on random histories of a small department with commitments ({@link CommitmentHistories}): at random
 * (asOf, knownAt), the storage-backed {@code execution/series} (committed, scheduled, 序时进度, of the whole unit and
 * of a project) and {@code alerts}, read through the API at both scopes, equal what {@link MonitoringReference}
 * computes from the same events by the specification alone. Checkpoints of knowledge every 20 facts, so that most
 * points fall between two of them.
 */
@RealInfrastructure
// writes the read model itself: its Kafka listener must not join the consumer group other tests steer
@SpringBootTest(classes = ProjectionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.auto-startup=false", "budgetledger.projection.checkpoint-facts=20"})
class MonitoringReportsTest {

    private static final int HISTORIES = 4;
    private static final int POINTS_PER_HISTORY = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReadModelWriter writer;

    @Test
    void series_and_alerts_equal_the_reference_at_random_points_of_both_time_axes_and_both_scopes() {
        long seedOfRun = System.nanoTime();
        Random random = new Random(seedOfRun);
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        Map<String, Integer> alertsSeen = new java.util.TreeMap<>();
        for (int history = 0; history < HISTORIES; history++) {
            long seed = seedOfRun + history;
            String head = "M" + Long.toHexString(seed).substring(0, 7) + history;
            String member = head + "S";
            List<Delivered> events = CommitmentHistories.department(head, member, seed,
                    (1L << 45) + seed % (1L << 30) * 1000, 120);
            deliverInRandomParts(events, random);
            MonitoringReference reference = new MonitoringReference(events);
            Instant last = CommitmentHistories.lastRecordedAt(events);
            for (int point = 0; point < POINTS_PER_HISTORY; point++) {
                Instant knownAt = point == 0 ? last : events.get(2 + random.nextInt(events.size() - 2)).envelope().recordedAt()
                        .minusNanos(random.nextBoolean() ? 0 : 1_000);
                // the first and a quarter of the others after the year, where a carried-over commitment has left its
                // line (from 1 January)
                LocalDate asOf = point == 0 || random.nextInt(4) == 0 ? LocalDate.of(2024, 1, 1).plusDays(random.nextInt(181))
                        : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                for (Scoped scoped : List.of(new Scoped(head, "department", List.of(head, member)),
                        new Scoped(head, "unit", List.of(head)), new Scoped(member, "department", List.of(member)))) {
                    String where = "seed %d, %s %s at asOf=%s, knownAt=%s".formatted(seed, scoped.unit(), scoped.scope(), asOf, knownAt);
                    List<Map<String, Object>> expected = reference.alerts(scoped.units(), asOf, knownAt);
                    assertThat(alerts(api, scoped, asOf, knownAt)).as(where).isEqualTo(expected);
                    expected.forEach(alert -> alertsSeen.merge((String) alert.get("code"), 1, Integer::sum));
                    assertSeries(api, reference, scoped, knownAt, null, where);
                    List<String> projects = reference.projects(scoped.units(), LocalDate.of(2023, 12, 31), knownAt);
                    if (!projects.isEmpty()) {
                        assertSeries(api, reference, scoped, knownAt, projects.get(random.nextInt(projects.size())), where);
                    }
                }
            }
        }
        assertThat(alertsSeen).as("seed %d: every rule raised alerts", seedOfRun).containsOnlyKeys(MonitoringReference.codes());
    }

    private record Scoped(String unit, String scope, List<String> units) {
    }

    private void deliverInRandomParts(List<Delivered> events, Random random) {
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(40));
            writer.apply(events.subList(from, to));
            from = to;
        }
    }

    /** The alerts as the API answers them, each without its sentence (checked to name its subject). */
    private static List<Map<String, Object>> alerts(HttpApi api, Scoped scoped, LocalDate asOf, Instant knownAt) {
        HttpApi.Answer answer = api.get("/api/v1/reports/" + scoped.unit() + "/2023/alerts?asOf=" + asOf + "&knownAt=" + knownAt
                + "&scope=" + scoped.scope());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (JsonNode alert : answer.body()) {
            assertThat(alert.path("detail").asText()).as(alert.toString()).isNotBlank()
                    .contains(alert.path("subject").asText().equals("category") ? "元" : alert.path("id").asText());
            Map<String, Object> withoutDetail = new LinkedHashMap<>();
            for (String field : List.of("code", "severity", "subject", "id")) {
                withoutDetail.put(field, alert.path(field).asText());
            }
            withoutDetail.put("figures", JSON.convertValue(alert.path("figures"), new TypeReference<Map<String, String>>() {
            }));
            alerts.add(withoutDetail);
        }
        return alerts;
    }

    private static void assertSeries(HttpApi api, MonitoringReference reference, Scoped scoped, Instant knownAt, String project,
                                     String where) {
        // (the client encodes the query, the project's name with it)
        HttpApi.Answer answer = api.get("/api/v1/reports/" + scoped.unit() + "/2023/execution/series?knownAt=" + knownAt
                + "&scope=" + scoped.scope() + (project == null ? "" : "&project=" + project));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode points = answer.body().path("points");
        assertThat(points).hasSize(12);
        for (int month = 1; month <= 12; month++) {
            LocalDate monthEnd = LocalDate.of(2023, month, 1).plusMonths(1).minusDays(1);
            Map<String, String> actual = JSON.convertValue(points.get(month - 1), new TypeReference<>() {
            });
            assertThat(actual).as("%s, series of %s at %s", where, project == null ? "all" : project, monthEnd)
                    .isEqualTo(reference.point(scoped.units(), monthEnd, knownAt, project));
        }
    }
}
