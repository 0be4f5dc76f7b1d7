package org.budgetledger.web.security;

import org.budgetledger.web.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles password guessing: after {@code failuresMax} failed logins in a row from one client (its remote
 * address) for one name, that client may not try that name for a while. Keyed by both, so that nobody can lock
 * the owner of a name out (the admin, say) from another machine, and known and unknown names are counted alike,
 * so the answer tells nothing about which names exist.
 *
 * <p>Bounded: at most {@link #ENTRIES_MAX} (client, name) pairs are tracked, names cut to
 * {@link #NAME_LENGTH_MAX} characters (under 10 MB in all). When full, the pairs that last failed longer ago
 * than a lock lasts go first, then the one with the fewest failures (the oldest of them).
 */
public class LoginThrottle {

    static final int ENTRIES_MAX = 10_000;
    static final int NAME_LENGTH_MAX = 256;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private record Attempts(String client, String name) {
        static Attempts of(String client, String name) {
            return new Attempts(client, name.length() > NAME_LENGTH_MAX ? name.substring(0, NAME_LENGTH_MAX) : name);
        }
    }

    private record Failures(int count, Instant lastAt) {
    }

    /** A login this client may not try now, whether the name exists or not and whatever the password. */
    public static final class Locked extends LockedException {
        private final Duration left;

        Locked(Duration left) {
            super("too many failed logins");
            this.left = left;
        }

        public Duration left() {
            return left;
        }
    }

    private final Map<Attempts, Failures> failures = new ConcurrentHashMap<>();
    private final int failuresMax;
    private final Duration lockDuration;
    private final Clock clock;

    public LoginThrottle(int failuresMax, Duration lockDuration, Clock clock) {
        this.failuresMax = failuresMax;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** Refuses a login this client may not try now, before any password is checked. */
    void check(Authentication login) {
        Duration left = lockedFor(client(login), login.getName());
        if (!left.isZero()) {
            throw new Locked(left);
        }
    }

    /** How long this client may not try this name, or zero. */
    public Duration lockedFor(String client, String name) {
        return lockedFor(failures.get(Attempts.of(client, name)));
    }

    private Duration lockedFor(Failures failed) {
        if (failed == null || failed.count() < failuresMax) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), failed.lastAt().plus(lockDuration));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String client, String name) {
        if (failures.size() >= ENTRIES_MAX) {
            makeRoom();
        }
        Failures failed = failures.merge(Attempts.of(client, name), new Failures(1, clock.instant()),
                (old, fresh) -> new Failures(old.count() + 1, fresh.lastAt()));
        if (failed.count() == failuresMax) {
            log.warn("event=login_locked client={} user=\"{}\" failures={} lock_seconds={}", client, printable(name),
                    failed.count(), lockDuration.toSeconds());
        }
    }

    void succeeded(String client, String name) {
        failures.remove(Attempts.of(client, name));
    }

    /** How many (client, name) pairs are tracked. */
    int size() {
        return failures.size();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(client(event.getAuthentication()), event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(client(event.getAuthentication()), event.getAuthentication().getName());
    }

    /** The remote address the servlet container saw; no header a client could forge. */
    static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** A name as a log line may show it: a client chose it, line breaks and escapes included. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(NAME_LENGTH_MAX)
                .forEach(point -> shown.appendCodePoint(Identifiers.isControl(point) || point == '"' ? '?' : point));
        return shown.toString();
    }

    private void makeRoom() {
        Instant now = clock.instant();
        // a pair that last failed a lock's duration ago counts for nothing a fresh count would not
        failures.entrySet().removeIf(entry -> !entry.getValue().lastAt().plus(lockDuration).isAfter(now));
        if (failures.size() >= ENTRIES_MAX) {
            // the fewest failures go first, then the oldest: failing once for each of many other names cannot
            // wipe the count of the name being guessed
            failures.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<Attempts, Failures> entry) -> entry.getValue().count())
                            .thenComparing(entry -> entry.getValue().lastAt()))
                    .ifPresent(fewest -> failures.remove(fewest.getKey()));
        }
    }
}
