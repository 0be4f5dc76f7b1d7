package org.budgetledger.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import org.budgetledger.web.settings.WebSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtCallersTest {

    private final JwtCallers callers = new JwtCallers(new WebSettings.Security.Jwt("roles", "units"));

    @Test
    void a_principal_of_up_to_200_characters_is_the_callers_name() {
        // "jwt::" for a token without an issuer, then the subject
        String subject = "李".repeat(195);

        assertThat(callers.convert(token(subject)).getName()).isEqualTo("jwt::" + subject).hasSize(200);
    }

    @Test
    void a_principal_longer_than_a_recorded_principal_may_be_is_not_valid() {
        assertThatThrownBy(() -> callers.convert(token("x".repeat(196))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("200");
    }

    private static Jwt token(String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
                .claim("roles", List.of("CLERK")).claim("units", List.of("430001"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
