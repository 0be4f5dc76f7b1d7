package org.budgetledger.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;

/**
 * Turns a verified JWT into a caller: {@code sub} is the name, the roles claim (default {@code roles}) and
 * the units claim (default {@code units}) are lists of strings or comma-separated strings. A token
 * without either claim, with an unknown role, or with a subject longer than a principal may be, is not
 * valid (401).
 */
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    JwtCallers(SecurityProperties.Jwt claims) {
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
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("the token has no subject");
        }
        if (jwt.getSubject().length() > Caller.NAME_LENGTH_MAX) {
            throw new InvalidBearerTokenException("the token's subject is longer than " + Caller.NAME_LENGTH_MAX
                    + " characters, the longest name recorded as the principal of a transaction");
        }
        return new JwtAuthenticationToken(jwt, Caller.authorities(roles, units), jwt.getSubject());
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
