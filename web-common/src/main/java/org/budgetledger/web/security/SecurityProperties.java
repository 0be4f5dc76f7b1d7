package org.budgetledger.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code budgetledger.security.*}: the users of HTTP Basic, the lock-out of repeated failed logins, and the
 * claims of bearer tokens. The names before, {@code ledger.security.*}, still work ({@link DeprecatedSecurityNames}).
 *
 * @param users   by name: {@code password} with Spring's {@code {bcrypt}} or {@code {noop}} prefix,
 *                {@code roles} and {@code units} as comma lists ({@code units=*} for all units)
 * @param lockout after {@code failuresMax} failed logins in a row a name is locked for {@code duration}
 * @param jwt     the claim names that carry roles and units in a bearer token
 */
@ConfigurationProperties(DeprecatedSecurityNames.NEW_PREFIX)
public record SecurityProperties(Map<String, User> users, Lockout lockout, Jwt jwt) {

    public SecurityProperties {
        users = users == null ? new LinkedHashMap<>() : new LinkedHashMap<>(users);
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(5)) : lockout;
        jwt = jwt == null ? new Jwt("roles", "units") : jwt;
    }

    public record User(String password, String roles, String units) {
    }

    public record Lockout(int failuresMax, Duration duration) {
    }

    public record Jwt(String rolesClaim, String unitsClaim) {
    }
}
