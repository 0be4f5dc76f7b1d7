package org.budgetledger.web.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the two services' HTTP sides share, under {@code budgetledger.*} (README, settings): who may call, and
 * how large a body may be. The defaults are here. In a package of its own, so that every package may read it
 * and it reads none of them.
 *
 * @param security {@code budgetledger.security.*}; the names before, {@code ledger.security.*}, still work
 *                 ({@code DeprecatedSecurityNames})
 * @param http     {@code budgetledger.http.*}
 */
@ConfigurationProperties("budgetledger")
public record WebSettings(@DefaultValue Security security, @DefaultValue Http http) {

    /**
     * The users of HTTP Basic, the lock-out of repeated failed logins, and the claims of bearer tokens.
     *
     * @param users   by name: {@code password} with Spring's {@code {bcrypt}} or {@code {noop}} prefix,
     *                {@code roles} and {@code units} as comma lists ({@code units=*} for all units)
     * @param lockout after {@code failuresMax} failed logins in a row a name is locked for {@code duration}
     * @param jwt     the claim names that carry roles and units in a bearer token
     */
    public record Security(Map<String, User> users, @DefaultValue Lockout lockout, @DefaultValue Jwt jwt) {

        public Security {
            users = users == null ? new LinkedHashMap<>() : new LinkedHashMap<>(users);
        }

        public record User(String password, String roles, String units) {
        }

        /** Each part keeps its default when only the other is set (a lock-out after 0 failures would lock out everyone). */
        public record Lockout(@DefaultValue("5") int failuresMax, @DefaultValue("PT5M") Duration duration) {
        }

        public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("units") String unitsClaim) {
        }
    }

    /**
     * The largest request bodies ({@code RequestSizeLimit}).
     *
     * @param bodyMax      for single requests
     * @param batchBodyMax for {@code :batch} and {@code :import}
     */
    public record Http(@DefaultValue("1MB") DataSize bodyMax, @DefaultValue("16MB") DataSize batchBodyMax) {
    }
}
