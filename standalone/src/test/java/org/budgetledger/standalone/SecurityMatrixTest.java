package org.budgetledger.standalone;

import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §10 as a matrix: every endpoint × every role × own unit / foreign unit / all units × authenticated
 * or not, each with its expected status. The endpoints are enumerated from the running application, so an
 * endpoint added without a row here fails this test.
 */
class SecurityMatrixTest extends StandaloneIntegrationTest {

    enum Scope {
        /** open to everyone, even without credentials (the API description); wrong credentials are still refused */
        PUBLIC,
        /** not about one unit: everyone with the role gets the answer */
        GLOBAL,
        /** reads one unit's data: a foreign unit answers 404, as if it did not exist */
        UNIT_READ,
        /** changes one unit's data: a foreign unit answers 403 */
        UNIT_WRITE
    }

    /** One endpoint: how to call it for a unit, who may, and what success looks like. */
    record Endpoint(String method, String pattern, Scope scope, Set<String> roles, int successStatus,
                    String pathTemplate, BiFunction<String, String, String> body) {
        /** Also a success: an answer only an authorized caller can get (a replay already running: 409). */
        boolean alsoSuccess(int status) {
            return pattern.equals("/api/v1/audit/replays") && status == 409;
        }

        String key() {
            return method + " " + pattern;
        }
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    /** New catalog codes: 20199NN (subjects) and 399NN (economic), NN counting up from 10. */
    private static final AtomicInteger SUBJECT_SUFFIX = new AtomicInteger(10);
    private static final AtomicInteger ECONOMIC_SUFFIX = new AtomicInteger(50);
    private static final Set<String> ALL_ROLES = Set.of("CLERK", "VIEWER", "AUDITOR", "ADMIN");
    private static final Set<String> POSTERS = Set.of("CLERK", "ADMIN");
    private static final Set<String> LEDGER_READERS = Set.of("CLERK", "AUDITOR", "ADMIN");
    private static final Set<String> REPORT_READERS = Set.of("VIEWER", "AUDITOR", "ADMIN");
    private static final Set<String> AUDITORS = Set.of("AUDITOR", "ADMIN");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/v3/api-docs", Scope.PUBLIC, ALL_ROLES, 200, "/v3/api-docs", null),
            new Endpoint("GET", "/v3/api-docs.yaml", Scope.PUBLIC, ALL_ROLES, 200, "/v3/api-docs.yaml", null),
            new Endpoint("GET", "/v3/api-docs/swagger-config", Scope.PUBLIC, ALL_ROLES, 200, "/v3/api-docs/swagger-config", null),
            new Endpoint("GET", "/swagger-ui.html", Scope.PUBLIC, ALL_ROLES, 302, "/swagger-ui.html", null),
            new Endpoint("POST", "/api/v1/units", Scope.GLOBAL, Set.of("ADMIN"), 201, "/api/v1/units",
                    (unit, id) -> "{\"code\":\"N" + id + "\",\"name\":\"新单位\"}"),
            new Endpoint("GET", "/api/v1/units", Scope.GLOBAL, ALL_ROLES, 200, "/api/v1/units", null),
            new Endpoint("GET", "/api/v1/units/{code}", Scope.UNIT_READ, ALL_ROLES, 200, "/api/v1/units/{unit}", null),
            // a new name each time, so that every change changes something
            new Endpoint("PATCH", "/api/v1/units/{code}", Scope.UNIT_WRITE, Set.of("ADMIN"), 200, "/api/v1/units/{unit}",
                    (unit, id) -> "{\"name\":\"单位" + id + "\",\"effective\":\"2020-01-01\"}"),
            new Endpoint("GET", "/api/v1/catalog/subjects", Scope.GLOBAL, ALL_ROLES, 200, "/api/v1/catalog/subjects", null),
            new Endpoint("GET", "/api/v1/catalog/economic", Scope.GLOBAL, ALL_ROLES, 200, "/api/v1/catalog/economic", null),
            new Endpoint("POST", "/api/v1/catalog/subjects", Scope.GLOBAL, Set.of("ADMIN"), 201, "/api/v1/catalog/subjects",
                    (unit, id) -> "{\"code\":\"20199" + twoDigits(SUBJECT_SUFFIX) + "\",\"name\":\"测试项\"}"),
            new Endpoint("POST", "/api/v1/catalog/economic", Scope.GLOBAL, Set.of("ADMIN"), 201, "/api/v1/catalog/economic",
                    (unit, id) -> "{\"code\":\"399" + twoDigits(ECONOMIC_SUFFIX) + "\",\"name\":\"测试\"}"),
            new Endpoint("POST", "/api/v1/transactions", Scope.UNIT_WRITE, POSTERS, 201, "/api/v1/transactions",
                    SecurityMatrixTest::appropriation),
            new Endpoint("POST", "/api/v1/transactions:batch", Scope.UNIT_WRITE, POSTERS, 200, "/api/v1/transactions:batch",
                    (unit, id) -> "{\"transactions\":[" + appropriation(unit, id) + "]}"),
            // a voucher file's rows are scoped one by one (TransactionImportTest); the upload itself is for posters
            new Endpoint("POST", "/api/v1/transactions:import", Scope.GLOBAL, POSTERS, 202, "/api/v1/transactions:import",
                    (unit, id) -> "id,type,unit,year,date,fund,subject,kind,amount\n" + id + ",APPROPRIATE," + unit
                            + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,10.00\n"),
            new Endpoint("GET", "/api/v1/imports/{id}", Scope.GLOBAL, POSTERS, 404, "/api/v1/imports/none", null),
            new Endpoint("GET", "/api/v1/transactions/{id}", Scope.UNIT_READ, LEDGER_READERS, 200,
                    "/api/v1/transactions/seed-{unit}", null),
            new Endpoint("GET", "/api/v1/budget-lines", Scope.UNIT_READ, LEDGER_READERS, 200,
                    "/api/v1/budget-lines?unit={unit}&year=2023", null),
            new Endpoint("GET", "/api/v1/budget-lines/{id}", Scope.UNIT_READ, LEDGER_READERS, 200,
                    "/api/v1/budget-lines/seed-{unit}", null),
            new Endpoint("GET", "/api/v1/commitments", Scope.UNIT_READ, LEDGER_READERS, 200,
                    "/api/v1/commitments?unit={unit}&year=2023", null),
            new Endpoint("GET", "/api/v1/commitments/{id}", Scope.UNIT_READ, LEDGER_READERS, 200,
                    "/api/v1/commitments/seed-k-{unit}", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/{table}", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/T01", null),
            new Endpoint("GET", "/api/v1/audit/events", Scope.UNIT_READ, AUDITORS, 200,
                    "/api/v1/audit/events?unit={unit}&limit=5", null),
            new Endpoint("POST", "/api/v1/audit/replays", Scope.UNIT_READ, AUDITORS, 202, "/api/v1/audit/replays",
                    (unit, id) -> "{\"unit\":\"" + unit + "\"}"),
            new Endpoint("GET", "/api/v1/audit/replays/{id}", Scope.GLOBAL, AUDITORS, 404, "/api/v1/audit/replays/none", null),
            new Endpoint("GET", "/api/v1/audit/digest", Scope.GLOBAL, AUDITORS, 200, "/api/v1/audit/digest", null),
            new Endpoint("POST", "/api/v1/audit/topic-check", Scope.GLOBAL, AUDITORS, 200, "/api/v1/audit/topic-check", null),
            new Endpoint("POST", "/api/v1/audit/verify", Scope.GLOBAL, AUDITORS, 200, "/api/v1/audit/verify", null),
            new Endpoint("POST", "/api/v1/projection/parked-events:reprocess", Scope.GLOBAL, Set.of("ADMIN"), 200,
                    "/api/v1/projection/parked-events:reprocess", null),
            new Endpoint("GET", "/api/v1/reports/freshness", Scope.GLOBAL, REPORT_READERS, 200,
                    "/api/v1/reports/freshness", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/years", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/years", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/workbook", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/workbook", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/checks", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/checks", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/execution/series", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/execution/series", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/{table}/cells", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/T03/cells?row=TOTAL&column=total", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/{table}/diff", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/T03/diff?knownAt1=2023-01-01T00:00:00Z", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/alerts", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/alerts", null),
            new Endpoint("GET", "/api/v1/reports/{unit}/{year}/commitments", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/reports/{unit}/2023/commitments", null),
            // SPEC §15: a unit-year's disclosure data is written by the unit's administrator; its publication is read as its reports
            new Endpoint("PUT", "/api/v1/units/{code}/years/{year}/profile", Scope.UNIT_WRITE, Set.of("ADMIN"), 200,
                    "/api/v1/units/{unit}/years/2023/profile", (unit, id) -> "{\"functions\":\"职责" + id + "\"}"),
            new Endpoint("POST", "/api/v1/units/{code}/years/{year}/reference", Scope.UNIT_WRITE, Set.of("ADMIN"), 200,
                    "/api/v1/units/{unit}/years/2023/reference", (unit, id) -> "kind,total,abroad,vehicle_subtotal,"
                            + "vehicle_purchase,vehicle_operation,reception\nactual,2.01,0,1.60,0,1.60,0.41\n"),
            new Endpoint("GET", "/api/v1/publications/{unit}/{year}", Scope.UNIT_READ, REPORT_READERS, 200,
                    "/api/v1/publications/{unit}/2023?format=json", null));

    /** The mappings that are no API endpoint of ours: Spring Boot's error page. */
    private static final Set<String> NOT_API = Set.of("GET /error", "POST /error", "PUT /error", "DELETE /error",
            "PATCH /error", "HEAD /error", "OPTIONS /error", "TRACE /error", "* /error");
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static boolean seeded;
    private static boolean departmentSeeded;

    @BeforeAll
    static void noop() {
        // units and seed transactions are created on first use, once the server runs
    }

    private void seed() {
        if (seeded) {
            return;
        }
        HttpApi admin = new HttpApi(port);
        for (String unit : List.of(TestUsers.UNIT_A, TestUsers.UNIT_B)) {
            admin.post("/api/v1/units", Map.of("code", unit, "name", "单位" + unit));
            Answer seed = admin.postRaw("/api/v1/transactions", appropriation(unit, "seed-" + unit));
            assertThat(seed.status()).isIn(200, 201);
            assertThat(admin.postRaw("/api/v1/transactions", commitment(unit)).status()).isIn(200, 201);
        }
        seeded = true;
    }

    /** The three-level department of {@link TestUsers}: 厅 → 中心 → 站, each with a transaction. */
    private void seedDepartment() {
        if (departmentSeeded) {
            return;
        }
        HttpApi admin = new HttpApi(port);
        String parent = null;
        for (String unit : List.of(TestUsers.UNIT_TOP, TestUsers.UNIT_MIDDLE, TestUsers.UNIT_BOTTOM)) {
            Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("code", unit, "name", "单位" + unit));
            if (parent != null) {
                body.put("parent", parent);
            }
            assertThat(admin.post("/api/v1/units", body).status()).isIn(201, 409);
            assertThat(admin.postRaw("/api/v1/transactions", appropriation(unit, "seed-" + unit)).status()).isIn(200, 201);
            assertThat(admin.postRaw("/api/v1/transactions", commitment(unit)).status()).isIn(200, 201);
            parent = unit;
        }
        departmentSeeded = true;
    }

    /**
     * SPEC §13 on three levels: a grant of the top reads all three units and writes for the top alone; a grant of the
     * middle reads the middle and the bottom, writes for the middle alone, and never sees the top (404).
     */
    @Test
    void a_grant_of_a_unit_reads_its_department_and_writes_for_that_unit_alone() {
        seedDepartment();
        List<String> failures = new ArrayList<>();
        List<String> levels = List.of(TestUsers.UNIT_TOP, TestUsers.UNIT_MIDDLE, TestUsers.UNIT_BOTTOM);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.scope() != Scope.UNIT_READ && endpoint.scope() != Scope.UNIT_WRITE) {
                continue;
            }
            for (String role : ALL_ROLES) {
                for (int grant = 0; grant < 2; grant++) {
                    String user = role.toLowerCase() + (grant == 0 ? "-top" : "-middle");
                    for (int level = 0; level < levels.size(); level++) {
                        boolean allowed = endpoint.scope() == Scope.UNIT_READ ? level >= grant : level == grant;
                        check(failures, endpoint, levels.get(level), user, user, expected(endpoint, role, allowed));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void every_endpoint_of_the_application_is_in_the_matrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> mapped.add(method + " " + pattern));
            }
        });
        mapped.removeAll(NOT_API);
        Set<String> inMatrix = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> inMatrix.add(endpoint.key()));
        assertThat(mapped).as("endpoints without a row in the security matrix, or rows without an endpoint")
                .isEqualTo(inMatrix);
    }

    @Test
    void every_role_gets_exactly_its_rights_on_every_endpoint_for_own_foreign_and_all_units() {
        seed();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String unit : List.of(TestUsers.UNIT_A, TestUsers.UNIT_B)) {
                check(failures, endpoint, unit, null, null, endpoint.scope() == Scope.PUBLIC ? endpoint.successStatus() : 401);
                // a name of its own each time: repeated failures would lock a name out (429)
                check(failures, endpoint, unit, "nobody-" + UNIQUE.getAndIncrement(), "guess", 401);
                for (String role : ALL_ROLES) {
                    for (String reach : List.of("-a", "-all")) {
                        String user = role.toLowerCase() + reach;
                        boolean own = reach.equals("-all") || unit.equals(TestUsers.UNIT_A);
                        check(failures, endpoint, unit, user, user, expected(endpoint, role, own));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void unauthenticated_requests_are_challenged_and_health_is_public() {
        HttpApi anonymous = HttpApi.anonymous(port);
        Answer refused = anonymous.get("/api/v1/units");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        var headers = org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                .uri("/api/v1/units").exchange((request, response) -> response.getHeaders());
        assertThat(headers.getFirst("WWW-Authenticate")).startsWith("Basic realm=\"budget-ledger\"");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void the_web_ui_is_refused_without_a_challenge_its_browser_would_answer_with_a_dialog() {
        var answer = org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                .uri("/api/v1/units").header("X-Requested-With", "XMLHttpRequest")
                .exchange((request, response) -> Map.entry(response.getStatusCode().value(), response.getHeaders()));
        assertThat(answer.getKey()).isEqualTo(401);
        assertThat(answer.getValue().getFirst("WWW-Authenticate")).isNull();
    }

    @Test
    void the_web_ui_files_are_public_and_hold_no_data() {
        HttpApi anonymous = HttpApi.anonymous(port);
        for (String file : List.of("/", "/index.html", "/ui/app.js", "/ui/app.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            assertThat(anonymous.get(file).status()).as(file).isEqualTo(200);
        }
        assertThat(anonymous.get("/api/v1/reports/freshness").status()).isEqualTo(401);
    }

    @Test
    void repeated_failed_logins_lock_the_name_out_even_for_the_right_password() {
        HttpApi wrong = new HttpApi(port, TestUsers.LOCKOUT_PROBE, "guess");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(wrong.get("/api/v1/units").status()).isEqualTo(401);
        }
        Answer locked = HttpApi.as(port, TestUsers.LOCKOUT_PROBE).get("/api/v1/units");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
        assertThat(HttpApi.as(port, "clerk-a").get("/api/v1/units").status()).isEqualTo(200);
    }

    @Test
    void failed_logins_from_another_client_do_not_lock_the_owner_out() throws Exception {
        String owner = "viewer-a";
        String attacker = "127.0.0.2";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(rawGet(attacker, owner, "guess").status()).isEqualTo(401);
        }
        assertThat(rawGet(attacker, owner, owner).status()).as("the attacker's client is throttled").isEqualTo(429);

        assertThat(rawGet("127.0.0.1", owner, owner).status()).as("the owner, from elsewhere").isEqualTo(200);
        assertThat(HttpApi.as(port, owner).get("/api/v1/units").status()).isEqualTo(200);
    }

    @Test
    void a_throttled_client_is_answered_alike_for_known_and_unknown_names() throws Exception {
        String client = "127.0.0.3";
        String known = "auditor-a";
        String unknown = "nobody-throttled";
        for (String name : List.of(known, unknown)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(rawGet(client, name, "guess").status()).as(name).isEqualTo(401);
            }
        }
        RawAnswer knownAnswer = rawGet(client, known, known);
        RawAnswer unknownAnswer = rawGet(client, unknown, "guess");

        assertThat(knownAnswer.status()).isEqualTo(429);
        assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status());
        assertThat(unknownAnswer.body()).isEqualTo(knownAnswer.body()).contains("LOGIN_LOCKED");
        assertThat(unknownAnswer.headers()).containsKey("retry-after");
        assertThat(knownAnswer.headers()).containsKey("retry-after");
    }

    @Test
    void the_web_ui_and_the_api_send_a_strict_content_security_policy() {
        for (String path : List.of("/", "/index.html", "/ui/app.js", "/api/v1/units")) {
            var headers = org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                    .uri(path).exchange((request, response) -> response.getHeaders());
            String policy = headers.getFirst("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull().contains("default-src 'self'", "script-src 'self'",
                    "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
            assertThat(policy).as(path).doesNotContain("'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
        }
    }

    /** An answer read off the wire: status, lower-case header names, body. */
    record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /**
     * GET /api/v1/units with Basic credentials from the given loopback address: another client, as the server
     * sees it (its remote address), without any header a client could forge.
     */
    private RawAnswer rawGet(String clientAddress, String user, String password) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(clientAddress), 0));
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            String credentials = java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // HTTP/1.0: the server closes the connection after a body it need not chunk
            socket.getOutputStream().write(("GET /api/v1/units HTTP/1.0\r\nHost: localhost\r\nAuthorization: Basic "
                    + credentials + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int line = 1; line < head.length; line++) {
                int colon = head[line].indexOf(':');
                headers.put(head[line].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        head[line].substring(colon + 1).trim());
            }
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), headers, answer.substring(headEnd + 4));
        }
    }

    @Test
    void a_clerk_sees_only_its_units_and_the_principal_is_recorded() {
        seed();
        HttpApi clerk = HttpApi.as(port, "clerk-a");
        assertThat(clerk.get("/api/v1/units").body().findValuesAsText("code")).contains(TestUsers.UNIT_A)
                .doesNotContain(TestUsers.UNIT_B);
        String id = "principal-" + UNIQUE.getAndIncrement();
        assertThat(clerk.postRaw("/api/v1/transactions", appropriation(TestUsers.UNIT_A, id)).status()).isEqualTo(201);
        assertThat(clerk.get("/api/v1/transactions/" + id).body().path("principal").asText()).isEqualTo("clerk-a");
        assertThat(HttpApi.as(port, "clerk-all").postRaw("/api/v1/transactions",
                "{\"id\":\"co-" + id + "\",\"type\":\"CARRY_OVER\",\"unit\":\"UA2\",\"year\":2030}").status()).isEqualTo(403);
    }

    private static int expected(Endpoint endpoint, String role, boolean own) {
        if (!endpoint.roles().contains(role)) {
            return 403;
        }
        if (own || endpoint.scope() == Scope.GLOBAL || endpoint.scope() == Scope.PUBLIC) {
            return endpoint.successStatus();
        }
        return endpoint.scope() == Scope.UNIT_READ ? 404 : 403;
    }

    private void check(List<String> failures, Endpoint endpoint, String unit, String user, String password, int expected) {
        String id = "m" + UNIQUE.getAndIncrement();
        String path = endpoint.pathTemplate().replace("{unit}", unit);
        String body = endpoint.body() == null ? null : endpoint.body().apply(unit, id);
        HttpApi api = new HttpApi(port, user, password);
        Answer answer = endpoint.pattern().endsWith(":import")
                ? api.postFile(path, id + ".csv", body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : endpoint.pattern().endsWith("/reference")
                ? api.postFile(path, "T09.csv", body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : api.send(endpoint.method(), path, body);
        int status = answer.status();
        // a batch answers 200 and carries each item's own status
        if (endpoint.pattern().endsWith(":batch") && status == 200) {
            status = answer.body().path("results").get(0).path("status").asInt() == 201 ? 200
                    : answer.body().path("results").get(0).path("status").asInt();
        }
        if (status != expected && !(expected == endpoint.successStatus() && endpoint.alsoSuccess(status))) {
            failures.add(endpoint.key() + " as " + user + " on " + unit + ": expected " + expected + ", got "
                    + answer.status() + " " + abbreviate(answer.body().toString()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static int twoDigits(AtomicInteger suffix) {
        int next = suffix.getAndIncrement();
        assertThat(next).as("catalog codes left for the matrix").isLessThan(100);
        return next;
    }

    /** A commitment of the unit's seed line, {@code seed-k-{unit}} (SPEC §14). */
    private static String commitment(String unit) {
        return "{\"id\":\"seed-k-" + unit + "\",\"type\":\"COMMIT\",\"unit\":\"" + unit + "\",\"year\":2023,"
                + "\"date\":\"2023-01-10\",\"line\":\"seed-" + unit + "\",\"amount\":\"1.00\"}";
    }

    private static String appropriation(String unit, String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"APPROPRIATE\",\"unit\":\"" + unit + "\",\"year\":2023,"
                + "\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\","
                + "\"amount\":\"10.00\"}";
    }
}
