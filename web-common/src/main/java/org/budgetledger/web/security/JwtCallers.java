package org.budgetledger.web.security;

import org.budgetledger.web.Identifiers;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import org.budgetledger.web.settings.WebSettings;

/**
 * Turns a verified JWT into a caller. The roles claim (default {@code roles}) and the units claim (default
 * {@code units}) are lists of strings or comma-separated strings. The name, recorded as the principal of what
 * the caller posts, is {@code jwt:<iss>:<sub>} ({@code jwt::<sub>} for a token without an issuer): a subject
 * {@code boss} is never taken for the password user {@code boss}, whose name cannot hold a colon (HTTP Basic
 * ends the name at the first one), and the principal says who vouched for the name. Not valid (401): a token
 * without an expiry ({@code exp}; one that never expires could never be taken back), without either claim, with
 * an unknown role, whose subject or issuer is no name (see {@link Identifiers}: control characters, line breaks
 * and bidirectional formatting would reach logs and audit files as they are), or whose principal would be longer
 * than the ledger records ({@link Caller#NAME_LENGTH_MAX}).
 */
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final WebSettings.Security.Jwt claims;

    JwtCallers(WebSettings.Security.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roleNames = list(jwt, claims.rolesClaim());
        List<String> units = list(jwt, claims.unitsClaim());
        List<Role> roles;
        try {
            roles = roleNames.stream().map(Role::valueOf).toList();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidBearerTokenException("unknown role in claim " + claims.rolesClaim());
        }
        if (jwt.getExpiresAt() == null) {
            throw new InvalidBearerTokenException("the token has no expiry (exp)");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isEmpty() || Identifiers.rejection(subject).isPresent()) {
            throw new InvalidBearerTokenException("the token's subject is missing or is no name");
        }
        String issuer = jwt.getClaimAsString(JwtClaimNames.ISS);
        if (issuer != null && !issuer.isEmpty() && Identifiers.rejection(issuer).isPresent()) {
            throw new InvalidBearerTokenException("the token's issuer is no name");
        }
        String principal = principal(issuer, subject);
        if (principal.length() > Caller.NAME_LENGTH_MAX) {
            throw new InvalidBearerTokenException("the token's issuer and subject make a principal longer than "
                    + Caller.NAME_LENGTH_MAX + " characters, the longest name recorded as the principal of a transaction");
        }
        return new JwtAuthenticationToken(jwt, Caller.authorities(roles, units), principal);
    }

    /** The name a token's caller is recorded under. */
    static String principal(String issuer, String subject) {
        return "jwt:" + (issuer == null ? "" : issuer) + ":" + subject;
    }

    private static List<String> list(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> items && !items.isEmpty()) {
            return items.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return SecurityConfiguration.split(text);
        }
        throw new InvalidBearerTokenException("the token has no " + claim + " claim");
    }
}
