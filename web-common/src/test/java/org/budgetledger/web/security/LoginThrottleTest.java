package org.budgetledger.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The throttle on its own: which (client, name) pairs it locks, for how long, and how much it keeps. */
class LoginThrottleTest {

    private static final Duration LOCK = Duration.ofMinutes(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-03-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, LOCK, clock);

    @Test
    void five_failures_lock_that_client_out_of_that_name_only() {
        fail("10.0.0.9", "admin", 5);

        assertThat(throttle.lockedFor("10.0.0.9", "admin")).isEqualTo(LOCK);
        assertThat(throttle.lockedFor("10.0.0.1", "admin")).isZero();
        assertThat(throttle.lockedFor("10.0.0.9", "li")).isZero();
        assertThatThrownBy(() -> throttle.check(login("10.0.0.9", "admin"))).isInstanceOf(LoginThrottle.Locked.class)
                .satisfies(locked -> assertThat(((LoginThrottle.Locked) locked).left()).isEqualTo(LOCK));
        assertThatNoException().isThrownBy(() -> throttle.check(login("10.0.0.1", "admin")));
    }

    @Test
    void the_lock_ends_after_its_duration_and_a_success_clears_the_count() {
        fail("10.0.0.9", "admin", 5);
        now.set(now.get().plus(LOCK).minusSeconds(1));
        assertThat(throttle.lockedFor("10.0.0.9", "admin")).isEqualTo(Duration.ofSeconds(1));
        now.set(now.get().plusSeconds(1));
        assertThat(throttle.lockedFor("10.0.0.9", "admin")).isZero();

        fail("10.0.0.8", "li", 4);
        throttle.succeeded("10.0.0.8", "li");
        fail("10.0.0.8", "li", 4);
        assertThat(throttle.lockedFor("10.0.0.8", "li")).isZero();
    }

    @Test
    void names_are_counted_whether_they_exist_or_not_and_long_ones_by_their_beginning() {
        String longName = "x".repeat(LoginThrottle.NAME_LENGTH_MAX);
        fail("10.0.0.7", longName + "a", 3);
        fail("10.0.0.7", longName + "b", 2);

        assertThat(throttle.lockedFor("10.0.0.7", longName + "c")).isEqualTo(LOCK);
    }

    @Test
    void at_most_its_bound_of_pairs_is_kept_and_locks_outlive_mere_failures() {
        fail("10.0.0.9", "admin", 5);
        for (int client = 0; client < LoginThrottle.ENTRIES_MAX + 100; client++) {
            throttle.failed("10.1." + client / 256 + "." + client % 256, "guess");
        }

        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.ENTRIES_MAX);
        assertThat(throttle.lockedFor("10.0.0.9", "admin")).isEqualTo(LOCK);
    }

    @Test
    void a_client_cannot_wipe_its_count_for_a_name_by_failing_once_for_each_of_many_others() {
        fail("10.0.0.9", "admin", 4);
        for (int other = 0; other < LoginThrottle.ENTRIES_MAX + 100; other++) {
            throttle.failed("10.0.0.9", "guess" + other);
        }

        throttle.failed("10.0.0.9", "admin");

        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.ENTRIES_MAX);
        assertThat(throttle.lockedFor("10.0.0.9", "admin")).isEqualTo(LOCK);
    }

    private void fail(String client, String name, int times) {
        for (int attempt = 0; attempt < times; attempt++) {
            throttle.failed(client, name);
        }
    }

    private static UsernamePasswordAuthenticationToken login(String client, String name) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(name, "password");
        login.setDetails(new WebAuthenticationDetails(client, null));
        return login;
    }
}
