package org.budgetledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens signed with a key generated here (no identity provider): valid, expired, forged, incomplete. */
@RealInfrastructure
@SpringBootTest(classes = StandaloneLauncher.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationTest {

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair FORGER = rsaKeyPair();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        SharedInfrastructure.register(registry);
        Path publicKey = Files.createTempFile("jwt-public-key", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
    }

    @LocalServerPort
    int port;

    @Test
    void a_valid_token_authenticates_with_its_roles_and_units_and_names_the_principal() {
        new HttpApi(port).post("/api/v1/units", Map.of("code", "JWT1", "name", "令牌单位"));
        String token = token(TRUSTED, "zhang.san", List.of("CLERK"), List.of("JWT1"), Instant.now().plusSeconds(300));

        int status = call(token, "POST", "/api/v1/transactions", "{\"id\":\"jwt-a1\",\"type\":\"APPROPRIATE\","
                + "\"unit\":\"JWT1\",\"year\":2023,\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\","
                + "\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":\"1.00\"}");

        assertThat(status).isIn(200, 201);
        // a token without an issuer: the principal names the empty issuer
        assertThat(new HttpApi(port).get("/api/v1/transactions/jwt-a1").body().path("principal").asText())
                .isEqualTo("jwt::zhang.san");
        assertThat(call(token, "GET", "/api/v1/budget-lines?unit=OTHER", null)).isEqualTo(404);
        assertThat(call(token, "GET", "/api/v1/reports/JWT1/2023/T01", null)).isEqualTo(403);
    }

    @Test
    void expired_forged_and_incomplete_tokens_are_refused_with_a_bearer_challenge() {
        Instant later = Instant.now().plusSeconds(300);
        String expired = token(TRUSTED, "li.si", List.of("ADMIN"), List.of("*"), Instant.now().minusSeconds(300));
        String forged = token(FORGER, "li.si", List.of("ADMIN"), List.of("*"), later);
        String noUnits = token(TRUSTED, "li.si", List.of("ADMIN"), null, later);
        String noRoles = token(TRUSTED, "li.si", null, List.of("*"), later);
        for (String token : List.of(expired, forged, noUnits, noRoles, "not-a-jwt")) {
            var response = RestClient.create("http://localhost:" + port).get().uri("/api/v1/units")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, answer) -> Map.entry(answer.getStatusCode().value(),
                            String.valueOf(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))));
            assertThat(response.getKey()).as(token).isEqualTo(401);
            assertThat(response.getValue()).as(token).startsWith("Bearer");
        }
    }

    @Test
    void a_subject_longer_than_a_recorded_principal_may_be_is_refused_before_anything_is_posted() {
        new HttpApi(port).post("/api/v1/units", Map.of("code", "JWT3", "name", "令牌单位三"));
        String token = token(TRUSTED, "x".repeat(201), List.of("CLERK"), List.of("JWT3"), Instant.now().plusSeconds(300));

        int status = call(token, "POST", "/api/v1/transactions", "{\"id\":\"jwt-long\",\"type\":\"APPROPRIATE\","
                + "\"unit\":\"JWT3\",\"year\":2023,\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\","
                + "\"subject\":\"2140199\",\"kind\":\"BASIC\",\"amount\":\"1.00\"}");

        assertThat(status).isEqualTo(401);
        assertThat(new HttpApi(port).get("/api/v1/transactions/jwt-long").status()).isEqualTo(404);
    }

    @Test
    void a_token_without_an_expiry_is_refused() {
        String neverExpires = token(TRUSTED, claims("li.si", List.of("ADMIN"), List.of("*"), null).build());

        assertThat(call(neverExpires, "GET", "/api/v1/units", null)).isEqualTo(401);
    }

    @Test
    void the_principal_of_a_token_names_its_issuer_and_is_never_a_password_users_name() {
        new HttpApi(port).post("/api/v1/units", Map.of("code", "JWT2", "name", "令牌单位二"));
        // the subject is the name of a configured password user
        String token = token(TRUSTED, claims(TestUsers.ADMIN, List.of("CLERK"), List.of("JWT2"), Instant.now().plusSeconds(300))
                .issuer("https://idp.example.org/realms/finance").build());
        assertThat(call(token, "POST", "/api/v1/transactions", appropriation("jwt-b1", "JWT2"))).isEqualTo(201);
        assertThat(new HttpApi(port).postRaw("/api/v1/transactions", appropriation("basic-b1", "JWT2")).status()).isEqualTo(201);

        HttpApi reader = new HttpApi(port);
        assertThat(reader.get("/api/v1/transactions/jwt-b1").body().path("principal").asText())
                .isEqualTo("jwt:https://idp.example.org/realms/finance:" + TestUsers.ADMIN);
        assertThat(reader.get("/api/v1/transactions/basic-b1").body().path("principal").asText()).isEqualTo(TestUsers.ADMIN);
    }

    @Test
    void a_subject_or_issuer_with_control_or_bidirectional_formatting_characters_is_refused() {
        Instant later = Instant.now().plusSeconds(300);
        for (String subject : List.of("boss\nadmin", "boss\r", "\u202eboss", "bo\u2066ss", "boss\u0085", " boss")) {
            String token = token(TRUSTED, claims(subject, List.of("ADMIN"), List.of("*"), later).build());
            assertThat(call(token, "GET", "/api/v1/units", null)).as(subject).isEqualTo(401);
        }
        // a lone surrogate survives only as a JSON escape (written as text, it would be sent as "?")
        String loneSurrogate = signed(TRUSTED, "{\"sub\":\"boss\\ud800\",\"roles\":[\"ADMIN\"],\"units\":[\"*\"],\"exp\":"
                + later.getEpochSecond() + "}");
        assertThat(call(loneSurrogate, "GET", "/api/v1/units", null)).isEqualTo(401);
        String badIssuer = token(TRUSTED, claims("li.si", List.of("ADMIN"), List.of("*"), later).issuer("idp\u202e").build());
        assertThat(call(badIssuer, "GET", "/api/v1/units", null)).isEqualTo(401);
    }

    private static String appropriation(String id, String unit) {
        return "{\"id\":\"" + id + "\",\"type\":\"APPROPRIATE\",\"unit\":\"" + unit + "\",\"year\":2023,"
                + "\"date\":\"2023-01-10\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\",\"kind\":\"BASIC\","
                + "\"amount\":\"1.00\"}";
    }

    private int call(String token, String method, String path, String body) {
        var request = RestClient.create("http://localhost:" + port).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, "application/json").body(body);
        }
        return request.exchange((sent, answer) -> answer.getStatusCode().value());
    }

    private static String token(KeyPair key, String subject, List<String> roles, List<String> units, Instant expiry) {
        return token(key, claims(subject, roles, units, expiry).build());
    }

    /** The claims of a token: no expiry when {@code expiry} is null, no roles or units claim when null. */
    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> units, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date());
        if (expiry != null) {
            claims.expirationTime(Date.from(expiry));
        }
        if (roles != null) {
            claims.claim("roles", roles);
        }
        if (units != null) {
            claims.claim("units", units);
        }
        return claims;
    }

    private static String token(KeyPair key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jwt.serialize();
    }

    /** A token whose claims are exactly this JSON text. */
    private static String signed(KeyPair key, String claimsJson) {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(claimsJson));
        try {
            jws.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jws.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
