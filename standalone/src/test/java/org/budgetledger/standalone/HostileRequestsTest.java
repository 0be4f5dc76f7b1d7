package org.budgetledger.standalone;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
 * strings, control characters, mixed scripts, deep nesting, duplicate keys, broken UTF-8 and wrong content
 * types. Never a 5xx; every refusal is problem+json; what is refused stores nothing.
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
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
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
                    "knownAt", "scale"), false),
            new Target("GET", "/api/v1/audit/events", List.of("unit", "year", "type", "transactionId", "from", "to",
                    "afterSequence", "limit", "format"), false),
            new Target("GET", "/api/v1/audit/digest", List.of(), false),
            new Target("POST", "/api/v1/audit/verify", List.of(), true),
            new Target("GET", "/api/v1/audit/replays/{p}", List.of(), false),
            new Target("POST", "/api/v1/projection/parked-events:reprocess", List.of(), true));

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
        Arbitrary<String> batches = objects.list().ofMaxSize(5).map(items -> "{\"transactions\":[" + String.join(",", items) + "]}");
        Arbitrary<String> csv = Arbitraries.of(VALUES).list().ofMaxSize(6)
                .map(cells -> "id,type,unit,year,date,amount\n" + String.join(",", cells) + "\n");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> duplicateKeys = Arbitraries.of(VALUES).map(value -> "{\"id\":\"x\",\"id\":" + value + "}");
        return Arbitraries.oneOf(objects, plausible, batches, csv, garbage, duplicateKeys);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1",
                        "multipart/form-data; boundary=x", "multipart/form-data", "text/csv", "")));
    }

    @Property(tries = 10_000)
    void no_request_makes_a_service_fail_or_store_what_it_refused(
            @ForAll("targets") Target target, @ForAll("words") String variable,
            @ForAll("parameterValues") List<String> values, @ForAll("bodies") String body,
            @ForAll("contentTypes") String contentType, @ForAll boolean brokenUtf8) throws Exception {
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
        if (target.takesBody()) {
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            request.method(target.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            request.method(target.method(), HttpRequest.BodyPublishers.noBody());
        }
        long storedBefore = stored();

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        SENT.incrementAndGet();
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        String what = target.method() + " " + uri + " " + contentType + " " + body;
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
