package org.budgetledger.standalone;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against every endpoint of both services (the standalone launcher runs them together):
 * hostile path variables and query parameters, bodies with wrong types, missing and unknown fields, huge
 * and tiny numbers, more than two decimals, exponents, NaN, negative zero, impossible dates, overlong
 * strings, control characters, mixed scripts, lone UTF-16 surrogates, deep nesting, duplicate keys, nulls in
 * arrays, broken UTF-8, wrong and wildcard content types, Accept headers naming what no endpoint produces, and
 * methods no endpoint answers (TRACE, PROPFIND, invented ones). Never a 5xx; every refusal is problem+json; what
 * is refused stores nothing.
 */
class HostileRequestsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String UNIT = "HOSTILE";
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static StandaloneLauncher.Running product;
    private static Path dataDirectory;
    private static java.sql.Connection database;

    private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "\"\"", "0", "-0", "-1", "0.001",
            "1e3", "1E-2", "\"1e3\"", "\"NaN\"", "NaN", "\"Infinity\"", "1.5", "\"12.345\"", "99999999999999999999999",
            "\"9999999999999999.99\"", "\"-0.00\"", "\"2023-02-30\"", "\"2023-13-01\"", "\"\\u0000\"", "\"\\u202e\"",
            "\"\\u001b[31m\"", "\"" + "长".repeat(600) + "\"", "\"Ab预算١٢٣𝟘\"", "\"PAY\"", "\"APPROPRIATE\"",
            "\"GENERAL_BUDGET\"", "\"2140199\"", "\"30201\"", "\"" + UNIT + "\"", "2023", "\"2023-01-10\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":1}}}",
            // deeper than any parser's nesting limit
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            // lone UTF-16 surrogates, a C1 control, bidi isolates, surrounding and lone spaces, a boolean
            "\"\\ud800\"", "\"\\udbff\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\udfff\\ud800\"", "\"\\u0085\"",
            "\"\\u2066x\\u2069\"", "\"HX \"", "\" \"", "false");
    private static final List<String> FIELDS = List.of("id", "type", "unit", "year", "date", "fund", "subject", "kind",
            "project", "economic", "amount", "line", "from", "to", "reason", "payment", "payee", "method", "category",
            "memo", "voucher", "code", "name", "knownAt", "sequence", "hash", "events", "transactions", "colour",
            "__proto__", "");
    /** Text put where a path variable or a query parameter goes. */
    private static final List<String> WORDS = List.of("", "0", "-1", "2023", "99999999999", "2023-02-30", "2023-13",
            "2023-12", "1e3", "NaN", "T01", "T10", "execution", "workbook", "checks", "years", "xlsx", "csv", "html", "yaml",
            "wanyuan", "yuan", "month", "PT5S", "PT999H", "2023-12-31T00:00:00Z", "9999-12-31T23:59:59Z", UNIT, "UA",
            "../../etc/passwd", "%00", "长".repeat(300), "<script>", "' OR 1=1 --", "\u0000", "\u202e", "a b");

    private record Target(String method, String path, List<String> parameters, boolean takesBody) {
    }

    /** Methods no endpoint answers, sent now and then in place of the endpoint's own. */
    private static final List<String> OTHER_METHODS = List.of("TRACE", "PROPFIND", "FOO", "DELETE", "PUT", "PATCH");

    /** Every endpoint; {p} is replaced by a hostile word, the parameters get hostile values. */
    private static final List<Target> TARGETS = List.of(
            new Target("POST", "/api/v1/units", List.of(), true),
            new Target("GET", "/api/v1/units", List.of(), false),
            new Target("GET", "/api/v1/catalog/subjects", List.of(), false),
            new Target("POST", "/api/v1/catalog/subjects", List.of(), true),
            new Target("GET", "/api/v1/catalog/economic", List.of(), false),
            new Target("POST", "/api/v1/catalog/economic", List.of(), true),
            new Target("POST", "/api/v1/transactions", List.of(), true),
            new Target("POST", "/api/v1/transactions:batch", List.of(), true),
            new Target("POST", "/api/v1/transactions:import", List.of("mode", "charset"), true),
            new Target("GET", "/api/v1/imports/{p}", List.of(), false),
            new Target("GET", "/api/v1/transactions/{p}", List.of("unit"), false),
            new Target("GET", "/api/v1/budget-lines", List.of("unit", "year"), false),
            new Target("GET", "/api/v1/budget-lines/{p}", List.of("unit"), false),
            new Target("GET", "/api/v1/reports/freshness", List.of(), false),
            new Target("GET", "/api/v1/reports/{p}/years", List.of(), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/{p}/T01", List.of("asOf", "knownAt", "scale", "format",
                    "minSequence", "wait"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/{p}", List.of("asOf", "knownAt", "scale", "format"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/checks", List.of("asOf", "knownAt", "minSequence"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/execution/series", List.of("from", "to", "step",
                    "knownAt", "scale", "project"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/{p}/cells", List.of("row", "column", "asOf", "knownAt",
                    "scope", "page", "size", "minSequence"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/T01/cells", List.of("row", "column", "page", "size"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/{p}/diff", List.of("asOf1", "knownAt1", "asOf2",
                    "knownAt2", "scope", "size"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/alerts", List.of("asOf", "knownAt", "scope", "minSequence",
                    "wait"), false),
            new Target("GET", "/api/v1/reports/" + UNIT + "/2023/commitments", List.of("asOf", "knownAt", "scope"), false),
            new Target("GET", "/api/v1/audit/events", List.of("unit", "year", "type", "transactionId", "from", "to",
                    "afterSequence", "limit", "format"), false),
            new Target("GET", "/api/v1/audit/digest", List.of(), false),
            new Target("POST", "/api/v1/audit/verify", List.of(), true),
            new Target("GET", "/api/v1/audit/replays/{p}", List.of(), false),
            new Target("POST", "/api/v1/projection/parked-events:reprocess", List.of(), true),
            new Target("GET", "/actuator/prometheus", List.of(), false),
            new Target("GET", "/actuator/health", List.of(), false),
            new Target("GET", "/", List.of(), false));

    private static synchronized StandaloneLauncher.Running product() throws Exception {
        if (product == null) {
            dataDirectory = Files.createTempDirectory("hostile");
            String[] arguments = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("--budgetledger.data-dir=" + dataDirectory, "--server.port=0"),
                    java.util.Arrays.stream(TestUsers.arguments())).toArray(String[]::new);
            product = StandaloneLauncher.start(arguments);
            new HttpApi(port()).post("/api/v1/units", Map.of("code", UNIT, "name", "敌意输入"));
        }
        return product;
    }

    private static int port() {
        return ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) product.context())
                .getWebServer().getPort();
    }

    @AfterContainer
    static void close() throws java.sql.SQLException {
        System.out.println("HOSTILE requests=" + SENT.get() + " server_errors=" + SERVER_ERRORS.get());
        if (database != null) {
            database.close();
        }
        if (product != null) {
            product.close();
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(VALUES))
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> objects = field.list().ofMinSize(0).ofMaxSize(12).map(fields -> "{" + String.join(",", fields) + "}");
        Arbitrary<String> plausible = Arbitraries.of(VALUES).map(amount -> "{\"id\":\"h-" + System.nanoTime()
                + "\",\"type\":\"APPROPRIATE\",\"unit\":\"" + UNIT + "\",\"year\":2023,\"date\":\"2023-01-10\","
                + "\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":" + amount + "}");
        Arbitrary<String> plausibleIds = Arbitraries.of(VALUES).map(id -> "{\"id\":" + id + ",\"type\":\"APPROPRIATE\","
                + "\"unit\":\"" + UNIT + "\",\"year\":2023,\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\","
                + "\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":\"1.00\"}");
        Arbitrary<String> batchItems = Arbitraries.frequencyOf(Tuple.of(4, objects),
                Tuple.of(1, Arbitraries.of("null", "1", "\"x\"", "[]", "true", "[null]")));
        Arbitrary<String> batches = batchItems.list().ofMaxSize(5).map(items -> "{\"transactions\":[" + String.join(",", items) + "]}");
        Arbitrary<String> csv = Arbitraries.of(VALUES).list().ofMaxSize(6)
                .map(cells -> "id,type,unit,year,date,amount\n" + String.join(",", cells) + "\n");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> duplicateKeys = Arbitraries.of(VALUES).map(value -> "{\"id\":\"x\",\"id\":" + value + "}");
        return Arbitraries.oneOf(objects, plausible, plausibleIds, batches, csv, garbage, duplicateKeys);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1",
                        "multipart/form-data; boundary=x", "multipart/form-data", "text/csv", "", "*/*", "application/*",
                        "text/*", "*/json", "application/json; charset=utf-16", "json", ";")));
    }

    /** What the client says it accepts: mostly nothing in particular, sometimes what no endpoint produces. */
    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("application/json", "application/xml", "text/html", "text/csv", "*/*",
                        "application/problem+json", "application/json;q=0", "image/png", "text/plain", "garbage///",
                        "application/openmetrics-text", "text/html, application/xhtml+xml, */*;q=0.1")));
    }

    /** Mostly the endpoint's own method; sometimes one it does not answer. */
    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(OTHER_METHODS)));
    }

    @Property(tries = 10_000)
    void no_request_makes_a_service_fail_or_store_what_it_refused(
            @ForAll("targets") Target target, @ForAll("words") String variable,
            @ForAll("parameterValues") List<String> values, @ForAll("bodies") String body,
            @ForAll("contentTypes") String contentType, @ForAll boolean brokenUtf8, @ForAll("accepts") String accept,
            @ForAll("methods") String otherMethod) throws Exception {
        product();
        StringBuilder uri = new StringBuilder("http://localhost:" + port()).append(target.path().replace("{p}", encode(variable)));
        for (int index = 0; index < target.parameters().size() && index < values.size(); index++) {
            uri.append(index == 0 ? '?' : '&').append(target.parameters().get(index)).append('=').append(encode(values.get(index)));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (brokenUtf8 && bytes.length > 2) {
            bytes[bytes.length / 2] = (byte) 0xC3;
            bytes[bytes.length / 2 + 1] = (byte) 0x28;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        String method = otherMethod.isEmpty() ? target.method() : otherMethod;
        if (target.takesBody()) {
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long storedBefore = stored();

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        SENT.incrementAndGet();
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        String what = method + " " + uri + " " + contentType + " accept=" + accept + " " + body;
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(stored()).as(what).isEqualTo(storedBefore);
        }
    }

    @Property(tries = 4)
    void bodies_beyond_the_limit_are_refused_before_they_are_read(@ForAll boolean announced, @ForAll boolean batch)
            throws Exception {
        product();
        // beyond the 1 MB of single requests, and beyond the 16 MB of :batch
        byte[] body = ("{\"memo\":\"" + "x".repeat(batch ? 17 * 1024 * 1024 : 2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = announced ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        String path = batch ? "/api/v1/transactions:batch" : "/api/v1/transactions";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)))
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Example
    void an_accept_header_naming_what_the_endpoint_cannot_produce_answers_406_as_problem_json() throws Exception {
        product();
        List<List<String>> cases = List.of(List.of("/actuator/prometheus", "application/json"),
                List.of("/api/v1/units", "application/xml"), List.of("/api/v1/units", "text/html"),
                List.of("/api/v1/catalog/subjects", "image/png"),
                List.of("/api/v1/reports/" + UNIT + "/2023/T01", "text/html"),
                List.of("/api/v1/audit/digest", "application/xml"), List.of("/", "application/json"));
        for (List<String> path : cases) {
            HttpResponse<String> response = send("GET", path.get(0), Map.of("Accept", path.get(1)), null);
            String what = path.get(0) + " accept " + path.get(1);
            assertThat(response.statusCode()).as(what).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(what).contains("\"code\":\"NOT_ACCEPTABLE\"");
        }
    }

    @Example
    void a_write_whose_answer_the_client_would_not_accept_is_refused_before_anything_is_stored() throws Exception {
        product();
        String appropriation = "{\"id\":\"accept-%s\",\"type\":\"APPROPRIATE\",\"unit\":\"" + UNIT + "\",\"year\":2023,"
                + "\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\","
                + "\"amount\":\"1.00\"}";
        int n = 0;
        for (String accept : List.of("image/png", "application/xml", "text/html", "text/csv")) {
            for (List<String> write : List.of(List.of("/api/v1/transactions", appropriation.formatted(n)),
                    List.of("/api/v1/transactions:batch", "{\"transactions\":[" + appropriation.formatted("b" + n) + "]}"),
                    List.of("/api/v1/units", "{\"code\":\"ACC" + n + "\",\"name\":\"接受\"}"),
                    List.of("/api/v1/catalog/economic", "{\"code\":\"399" + (10 + n) + "\",\"name\":\"接受\"}"))) {
                long storedBefore = stored();
                HttpResponse<String> response = send("POST", write.get(0),
                        Map.of("Content-Type", "application/json", "Accept", accept), write.get(1));
                String what = "POST " + write.get(0) + " accept " + accept;
                assertThat(response.statusCode()).as(what).isEqualTo(406);
                assertThat(response.body()).as(what).contains("\"code\":\"NOT_ACCEPTABLE\"");
                assertThat(stored()).as(what).isEqualTo(storedBefore);
                n++;
            }
        }
    }

    @Example
    void a_body_whose_content_type_is_a_wildcard_answers_415() throws Exception {
        product();
        for (String path : List.of("/api/v1/units", "/api/v1/catalog/subjects", "/api/v1/catalog/economic",
                "/api/v1/audit/verify", "/api/v1/audit/replays", "/api/v1/transactions")) {
            for (String contentType : List.of("*/*", "application/*", "text/*")) {
                // an empty body names its type too: Spring MVC fails (500) on a wildcard even with nothing to read
                for (String body : List.of("{\"code\":\"W1\",\"name\":\"通配\"}", "")) {
                    long storedBefore = stored();
                    HttpResponse<String> response = send("POST", path, Map.of("Content-Type", contentType), body);
                    String what = path + " content-type " + contentType + " body " + body.length();
                    assertThat(response.statusCode()).as(what).isEqualTo(415);
                    assertThat(response.body()).as(what).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
                    assertThat(stored()).as(what).isEqualTo(storedBefore);
                }
            }
        }
    }

    @Example
    void methods_no_endpoint_answers_are_405_as_problem_json() throws Exception {
        product();
        for (String path : List.of("/api/v1/units", "/api/v1/transactions", "/", "/actuator/health")) {
            for (String method : List.of("TRACE", "PROPFIND", "FOO", "DELETE")) {
                HttpResponse<String> response = send(method, path, Map.of(), null);
                String what = method + " " + path;
                assertThat(response.statusCode()).as(what).isEqualTo(405);
                assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).as(what).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
                // TRACE must never echo the request back (its Authorization header, say)
                assertThat(response.body()).as(what).doesNotContain("Authorization", "Basic ");
            }
        }
    }

    @Example
    void a_batch_item_that_is_not_an_object_is_refused_on_its_own() throws Exception {
        product();
        long storedBefore = stored();
        HttpResponse<String> response = send("POST", "/api/v1/transactions:batch", Map.of("Content-Type", "application/json"),
                "{\"transactions\":[null,1,\"x\",[],true]}");
        assertThat(response.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body()).path("results");
        assertThat(results).hasSize(5);
        results.forEach(result -> {
            assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(400);
            assertThat(result.path("problem").path("code").asText()).as(result.toString()).isEqualTo("MALFORMED_REQUEST");
        });
        assertThat(stored()).isEqualTo(storedBefore);
    }

    @Example
    void sums_that_would_overflow_are_refused_and_every_report_of_the_unit_keeps_answering() throws Exception {
        product();
        String unit = "OVF" + System.nanoTime() % 1_000_000;
        Map<String, String> json = Map.of("Content-Type", "application/json");
        assertThat(send("POST", "/api/v1/units", json, "{\"code\":\"" + unit + "\",\"name\":\"溢出\"}").statusCode())
                .isEqualTo(201);
        send("POST", "/api/v1/transactions", json, "{\"id\":\"a1\",\"type\":\"APPROPRIATE\",\"unit\":\"" + unit
                + "\",\"year\":2023,\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\","
                + "\"kind\":\"BASIC\",\"amount\":\"1000000000000.00\"}");
        // the 92 ADJUSTs of the largest amount, amounts a unit-year could still take, and RECEIVEs beside them
        List<String> statuses = new java.util.ArrayList<>();
        for (int n = 0; n < 92; n++) {
            String amount = n % 2 == 0 ? "999999999999999.99" : "1000000000000.00";
            statuses.add(n + ":" + send("POST", "/api/v1/transactions", json, "{\"id\":\"adj" + n + "\",\"type\":\"ADJUST\","
                    + "\"unit\":\"" + unit + "\",\"year\":2023,\"date\":\"2023-02-01\",\"line\":\"a1\",\"reason\":\"追加\","
                    + "\"amount\":\"" + amount + "\"}").statusCode());
            statuses.add(n + "r:" + send("POST", "/api/v1/transactions", json, "{\"id\":\"rec" + n + "\",\"type\":\"RECEIVE\","
                    + "\"unit\":\"" + unit + "\",\"year\":2023,\"date\":\"2023-02-01\",\"fund\":\"OTHER\","
                    + "\"subject\":\"2140199\",\"amount\":\"" + amount + "\"}").statusCode());
        }
        assertThat(statuses).as("no 5xx").noneMatch(status -> status.matches(".*:5\\d\\d"));
        assertThat(statuses).as("some refused for the limit").anyMatch(status -> status.endsWith(":422"));
        for (String report : List.of("T01", "T02", "T03", "T04", "execution", "checks", "execution/series", "workbook",
                "alerts", "commitments")) {
            HttpResponse<String> answer = send("GET", "/api/v1/reports/" + unit + "/2023/" + report, Map.of(), null);
            assertThat(answer.statusCode()).as(report).isEqualTo(200);
        }
        for (String knownAt : List.of("9223372036854775807", "-9223372036854775808", "+999999999-12-31T23:59:59Z")) {
            HttpResponse<String> answer = send("GET", "/api/v1/reports/" + unit + "/2023/T01?knownAt=" + knownAt, Map.of(), null);
            assertThat(answer.statusCode()).as(knownAt).isEqualTo(400);
        }
    }

    /** One request as the test administrator, with the given headers. */
    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<List<String>> parameterValues() {
        return words().list().ofMaxSize(9);
    }

    /** Everything the ledger stores that a request could add: transactions, units, catalog entries. */
    private static long stored() throws Exception {
        try (var statement = database().createStatement();
             var rows = statement.executeQuery("SELECT (SELECT count(*) FROM ledger.posted_transaction)"
                     + " + (SELECT count(*) FROM ledger.domain_event_entry) + (SELECT count(*) FROM ledger.unit)"
                     + " + (SELECT count(*) FROM ledger.subject) + (SELECT count(*) FROM ledger.economic)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One connection for the whole run: two counts per request, 20,000 in all. */
    private static synchronized java.sql.Connection database() throws Exception {
        if (database == null) {
            var environment = product().context().getEnvironment();
            database = java.sql.DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
        }
        return database;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
