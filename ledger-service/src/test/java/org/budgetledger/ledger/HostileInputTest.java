package org.budgetledger.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies against POST /api/v1/transactions: wrong types, missing and unknown fields, huge and tiny
 * numbers, exponents, NaN, impossible dates, overlong and control-character strings, deep nesting, duplicate
 * keys, broken UTF-8, wrong content types. The service never answers 5xx, answers problem+json, and stores
 * nothing for what it refuses.
 */
class HostileInputTest {

    private static ConfigurableApplicationContext context;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static synchronized ConfigurableApplicationContext ledger() {
        if (context == null) {
            var infrastructure = SharedInfrastructure.get();
            Map<String, Object> properties = new HashMap<>(TestUsers.properties());
            properties.putAll(Map.of("spring.datasource.url", infrastructure.jdbcUrl(),
                    "spring.datasource.username", infrastructure.username(),
                    "spring.datasource.password", infrastructure.password(),
                    "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(), "server.port", 0));
            context = new SpringApplicationBuilder(LedgerServiceApplication.class).properties(properties).run();
            new org.budgetledger.testing.HttpApi(port()).post("/api/v1/units", Map.of("code", "HOSTILE", "name", "敌意输入"));
        }
        return context;
    }

    private static int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "\"\"", "0", "-0", "-1", "0.001",
            "1e3", "1E-2", "\"1e3\"", "\"NaN\"", "\"Infinity\"", "1.5", "\"12.345\"", "99999999999999999999999",
            "\"9999999999999999.99\"", "\"-0.00\"", "\"2023-02-30\"", "\"2023-13-01\"", "\"\\u0000\"", "\"\\u202e\"",
            "\"" + "长".repeat(600) + "\"", "\"PAY\"", "\"APPROPRIATE\"", "\"GENERAL_BUDGET\"", "\"2140199\"", "\"30201\"",
            "\"HOSTILE\"", "2023", "\"2023-01-10\"", "[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":1}}}");
    private static final List<String> FIELDS = List.of("id", "type", "unit", "year", "date", "fund", "subject", "kind",
            "project", "economic", "amount", "line", "from", "to", "reason", "payment", "payee", "method", "category",
            "memo", "voucher", "colour", "__proto__", "");

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(VALUES))
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> objects = field.list().ofMinSize(0).ofMaxSize(12).map(fields -> "{" + String.join(",", fields) + "}");
        Arbitrary<String> plausible = Arbitraries.of(VALUES).map(amount -> "{\"id\":\"h-" + System.nanoTime()
                + "\",\"type\":\"APPROPRIATE\",\"unit\":\"HOSTILE\",\"year\":2023,\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\","
                + "\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":" + amount + "}");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> duplicateKeys = Arbitraries.of(VALUES).map(value -> "{\"id\":\"x\",\"id\":" + value + "}");
        return Arbitraries.oneOf(objects, plausible, garbage, duplicateKeys);
    }

    @Property(tries = 1500)
    void no_body_makes_the_service_fail_or_store_half_a_transaction(@ForAll("bodies") String body,
                                                                     @ForAll("contentTypes") String contentType,
                                                                     @ForAll boolean brokenUtf8) throws Exception {
        ledger();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (brokenUtf8 && bytes.length > 2) {
            bytes[bytes.length / 2] = (byte) 0xC3;
            bytes[bytes.length / 2 + 1] = (byte) 0x28;
        }
        long storedBefore = stored();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/transactions"))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(body).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(stored()).as(body).isEqualTo(storedBefore);
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1",
                        "multipart/form-data; boundary=x")));
    }

    @Property(tries = 3)
    void bodies_beyond_the_limit_are_refused_before_they_are_read(@ForAll boolean announced) throws Exception {
        ledger();
        byte[] body = ("{\"memo\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = announced ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)))
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    private static long stored() {
        return ledger().getBean(JdbcClient.class).sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = 'HOSTILE'")
                .query(Long.class).single();
    }
}
