package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at /v3/api-docs is one a client can program against: every operation says what
 * it does, the statuses it really answers, shows a real example, describes its parameters and lists the
 * values of closed sets; errors are one shared problem+json schema; Spring's /error page is not in it.
 */
class ApiDescriptionTest extends StandaloneIntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** The success statuses of SPEC §4 (201 new, 200 repeated), §8 (202 for a replay) and the README; else 200. */
    private static final Map<String, Set<Integer>> SUCCESS = Map.of(
            "post /api/v1/transactions", Set.of(201, 200),
            "post /api/v1/units", Set.of(201),
            "post /api/v1/catalog/subjects", Set.of(201),
            "post /api/v1/catalog/economic", Set.of(201),
            "post /api/v1/transactions:import", Set.of(202),
            "post /api/v1/audit/replays", Set.of(202));

    private static final List<String> TABLES = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "execution");
    private static final List<String> SCALES = List.of("yuan", "wanyuan");
    private static final List<String> REPORT_FORMATS = List.of("json", "csv", "xlsx", "html");
    private static final List<String> HISTORY_FORMATS = List.of("json", "csv");
    private static final List<String> PUBLICATION_FORMATS = List.of("html", "docx", "json");
    private static final List<String> TEMPLATE_FORMATS = List.of("csv", "xlsx");

    private JsonNode api;

    @BeforeEach
    void read() {
        HttpApi.Answer answer = HttpApi.anonymous(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        api = answer.body();
    }

    @Test
    void spring_error_page_is_not_an_operation() {
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(paths).contains("/api/v1/transactions", "/api/v1/reports/{unit}/{year}/{table}");
        assertThat(paths).noneMatch(path -> path.startsWith("/error"));
    }

    @Test
    void every_operation_has_a_summary() {
        List<String> without = new ArrayList<>();
        operations((key, operation) -> {
            if (operation.path("summary").asText().isBlank()) {
                without.add(key);
            }
        });
        assertThat(without).isEmpty();
    }

    @Test
    void every_operation_documents_the_success_statuses_it_really_answers() {
        Map<String, Set<Integer>> documented = new TreeMap<>();
        operations((key, operation) -> {
            Set<Integer> statuses = new TreeSet<>();
            operation.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    statuses.add(Integer.parseInt(code));
                }
            });
            documented.put(key, statuses);
        });
        Map<String, Set<Integer>> expected = new TreeMap<>();
        documented.keySet().forEach(key -> expected.put(key, new TreeSet<>(SUCCESS.getOrDefault(key, Set.of(200)))));
        assertThat(documented).isEqualTo(expected);

        // and those are what the endpoints answer: a new unit, a new transaction, the same transaction again
        HttpApi admin = new HttpApi(port);
        String unit = "DOC" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        int registered = admin.post("/api/v1/units", Map.of("code", unit, "name", "文档单位")).status();
        Map<String, Object> appropriation = Map.of("id", unit + "-a1", "type", "APPROPRIATE", "unit", unit, "year", 2023,
                "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT", "project", "文档",
                "amount", "100.00");
        int posted = admin.post("/api/v1/transactions", appropriation).status();
        int repeated = admin.post("/api/v1/transactions", appropriation).status();
        assertThat(documented.get("post /api/v1/units")).contains(registered);
        assertThat(documented.get("post /api/v1/transactions")).contains(posted, repeated);
        assertThat(List.of(registered, posted, repeated)).containsExactly(201, 201, 200);
    }

    @Test
    void every_operation_shows_a_non_empty_example_of_its_request_and_of_its_answers() {
        List<String> without = new ArrayList<>();
        operations((key, operation) -> {
            JsonNode json = operation.path("requestBody").path("content").path("application/json");
            if (!json.isMissingNode() && !hasExample(json)) {
                without.add(key + " request");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().path("content");
                if (response.getKey().startsWith("2") && !content.isEmpty() && !onlyBinary(content)
                        && !anyHasExample(content)) {
                    without.add(key + " " + response.getKey());
                }
            });
        });
        assertThat(without).isEmpty();
    }

    @Test
    void report_examples_are_real_reports() {
        JsonNode examples = api.at("/paths/~1api~1v1~1reports~1{unit}~1{year}~1{table}/get/responses/200/content")
                .path("application/json").path("examples");
        assertThat(examples.size()).isEqualTo(TABLES.size());
        examples.forEach(example -> {
            assertThat(example.path("value").path("rows").size()).isPositive();
            assertThat(example.path("value").path("columns").size()).isPositive();
        });
        // amounts, not a unit-year with nothing posted
        assertThat(examples.path("T01").path("value").path("rows").findValues("values"))
                .anySatisfy(values -> assertThat(values.toString()).containsPattern("\"[1-9][0-9]*\\.[0-9]{2}\""));
    }

    @Test
    void the_alerts_example_is_a_real_answer_naming_its_figures() {
        JsonNode examples = api.at("/paths/~1api~1v1~1reports~1{unit}~1{year}~1alerts/get/responses/200/content")
                .path("application/json").path("examples");
        assertThat(examples.size()).isEqualTo(1);
        JsonNode alerts = examples.elements().next().path("value");
        assertThat(alerts.isArray()).isTrue();
        List<String> codes = new ArrayList<>();
        alerts.forEach(alert -> {
            codes.add(alert.path("code").asText());
            assertThat(alert.path("detail").asText()).isNotBlank();
            assertThat(alert.path("figures").size()).isPositive();
        });
        assertThat(codes).contains("BEHIND_SCHEDULE", "OVERDUE_COMMITMENT", "YEAR_END_FORECAST");
    }

    @Test
    void every_parameter_is_described() {
        List<String> without = new ArrayList<>();
        operations((key, operation) -> operation.path("parameters").forEach(parameter -> {
            if (parameter.path("description").asText().isBlank()) {
                without.add(key + " " + parameter.path("name").asText());
            }
        }));
        assertThat(without).isEmpty();
    }

    @Test
    void closed_sets_are_enums() {
        JsonNode report = api.at("/paths/~1api~1v1~1reports~1{unit}~1{year}~1{table}/get");
        assertThat(parameterEnum(report, "table")).isEqualTo(TABLES);
        assertThat(parameterEnum(report, "scale")).isEqualTo(SCALES);
        assertThat(parameterEnum(report, "format")).isEqualTo(REPORT_FORMATS);
        assertThat(parameterEnum(api.at("/paths/~1api~1v1~1audit~1events/get"), "format")).isEqualTo(HISTORY_FORMATS);
        // wherever else they appear, they mean the same
        List<String> wrong = new ArrayList<>();
        operations((key, operation) -> operation.path("parameters").forEach(parameter -> {
            String name = parameter.path("name").asText();
            List<String> values = parameterEnum(operation, name);
            boolean right = switch (name) {
                case "table" -> values.equals(TABLES);
                case "scale" -> values.equals(SCALES);
                case "format" -> values.equals(REPORT_FORMATS) || values.equals(HISTORY_FORMATS)
                        || key.startsWith("get /api/v1/publications/") && values.equals(PUBLICATION_FORMATS)
                        || key.equals("get /api/v1/transactions:import/template") && values.equals(TEMPLATE_FORMATS);
                default -> true;
            };
            if (!right) {
                wrong.add(key + " " + name + " " + values);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_error_is_one_shared_problem_schema_with_its_code() {
        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(problem.at("/properties/code/enum").toString()).contains("\"IDEMPOTENCY_CONFLICT\"", "\"NOT_FOUND\"");
        assertThat(problem.at("/properties/status").isMissingNode()).isFalse();
        List<String> wrong = new ArrayList<>();
        operations((key, operation) -> {
            if (!operation.path("responses").has("401")) {
                wrong.add(key + " has no 401");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().compareTo("400") >= 0) {
                    String schema = response.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asText();
                    if (!schema.equals("#/components/schemas/Problem") || response.getValue().path("content").size() != 1) {
                        wrong.add(key + " " + response.getKey() + " " + response.getValue().path("content"));
                    }
                }
            });
        });
        assertThat(wrong).isEmpty();
        JsonNode post = api.at("/paths/~1api~1v1~1transactions/post/responses");
        assertThat(post.has("409")).as("IDEMPOTENCY_CONFLICT").isTrue();
        assertThat(post.has("422")).as("UNKNOWN_LINE").isTrue();
    }

    private void operations(BiConsumer<String, JsonNode> each) {
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                each.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    private static List<String> parameterEnum(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                List<String> values = new ArrayList<>();
                parameter.path("schema").path("enum").forEach(value -> values.add(value.asText()));
                return values;
            }
        }
        return List.of();
    }

    private static boolean anyHasExample(JsonNode content) {
        for (JsonNode mediaType : content) {
            if (hasExample(mediaType)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExample(JsonNode mediaType) {
        if (!empty(mediaType.path("example"))) {
            return true;
        }
        for (JsonNode example : mediaType.path("examples")) {
            if (!empty(example.path("value"))) {
                return true;
            }
        }
        return false;
    }

    /** Nothing, {}, [], a blank string, or one that only says "{}". */
    private static boolean empty(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return true;
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.equals("{}") || text.equals("[]");
    }

    /** An answer that is a file (the XLSX workbook) has no example to show. */
    private static boolean onlyBinary(JsonNode content) {
        for (JsonNode mediaType : content) {
            if (!mediaType.path("schema").path("format").asText().equals("binary")) {
                return false;
            }
        }
        return true;
    }
}
