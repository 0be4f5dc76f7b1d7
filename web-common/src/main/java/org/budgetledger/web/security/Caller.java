package org.budgetledger.web.security;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: a name (recorded as the principal of every event they post), roles, and the units they
 * may see ({@code *} for all). A caller never sees or changes another unit's data: reads of a foreign unit
 * answer 404 (no existence leak), writes 403.
 */
public record Caller(String name, Set<Role> roles, Set<String> units) {

    public static final String ALL_UNITS = "*";
    /** The longest name a caller may have: it is recorded as the principal of what it posts (200 characters). */
    public static final int NAME_LENGTH_MAX = 200;
    static final String UNIT_AUTHORITY_PREFIX = "UNIT_";

    /** The caller of the current request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new ApiProblem(ProblemCode.UNAUTHORIZED, "authentication required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> units = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(UNIT_AUTHORITY_PREFIX)) {
                units.add(name.substring(UNIT_AUTHORITY_PREFIX.length()));
            }
            for (Role role : Role.values()) {
                if (role.authority().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), roles, units);
    }

    /** A caller outside any request (tools, tests): every role, every unit. */
    public static Caller system(String name) {
        return new Caller(name, EnumSet.allOf(Role.class), Set.of(ALL_UNITS));
    }

    /** The authorities that carry roles and units through Spring Security. */
    public static List<GrantedAuthority> authorities(Collection<Role> roles, Collection<String> units) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        units.forEach(unit -> authorities.add(new SimpleGrantedAuthority(UNIT_AUTHORITY_PREFIX + unit)));
        return authorities;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean seesUnit(String unit) {
        return units.contains(ALL_UNITS) || units.contains(unit);
    }

    /** Reads of a unit the caller may not see answer as if it did not exist. */
    public void requireReadable(String unit, String what) {
        if (!seesUnit(unit)) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no " + what);
        }
    }

    /** Writes for a unit the caller may not change are forbidden, whether the unit exists or not. */
    public void requireWritable(String unit) {
        writeRefusal(unit).ifPresent(refused -> {
            throw new ApiProblem(refused);
        });
    }

    /** Why the caller may not write for the unit, if it may not. */
    public Optional<Rejection> writeRefusal(String unit) {
        return seesUnit(unit) ? Optional.empty()
                : Optional.of(Rejection.of(ProblemCode.FORBIDDEN, name + " may not post for unit " + unit));
    }

    public void requireRole(Role role, String action) {
        roleRefusal(role, action).ifPresent(refused -> {
            throw new ApiProblem(refused);
        });
    }

    /** Why the caller may not take the action, if it lacks the role the action needs. */
    public Optional<Rejection> roleRefusal(Role role, String action) {
        return has(role) ? Optional.empty() : Optional.of(Rejection.of(ProblemCode.FORBIDDEN, action + " needs the role " + role));
    }
}
