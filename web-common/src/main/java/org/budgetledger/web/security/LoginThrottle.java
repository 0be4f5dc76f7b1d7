package org.budgetledger.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a user name out for a while after repeated failed logins, so passwords cannot be guessed at the
 * speed of the network. Bounded: at most {@link #NAMES_MAX} names are tracked; past that the oldest
 * records are dropped.
 */
public class LoginThrottle {

    static final int NAMES_MAX = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant lastAt) {
    }

    private final Map<String, Failures> failuresByName = new ConcurrentHashMap<>();
    private final int failuresMax;
    private final Duration lockDuration;
    private final Clock clock;

    public LoginThrottle(int failuresMax, Duration lockDuration, Clock clock) {
        this.failuresMax = failuresMax;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** How long the name stays locked, or zero. */
    public Duration lockedFor(String name) {
        Failures failures = failuresByName.get(name);
        if (failures == null || failures.count() < failuresMax) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), failures.lastAt().plus(lockDuration));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        if (failuresByName.size() >= NAMES_MAX) {
            failuresByName.entrySet().removeIf(entry -> lockedFor(entry.getKey()).isZero());
        }
        Failures failures = failuresByName.merge(name, new Failures(1, clock.instant()),
                (old, fresh) -> new Failures(old.count() + 1, fresh.lastAt()));
        if (failures.count() == failuresMax) {
            log.warn("event=login_locked user={} failures={} lock_seconds={}", name, failures.count(), lockDuration.toSeconds());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failuresByName.remove(event.getAuthentication().getName());
    }
}
