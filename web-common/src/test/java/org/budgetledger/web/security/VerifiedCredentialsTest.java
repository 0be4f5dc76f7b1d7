package org.budgetledger.web.security;

import org.budgetledger.web.settings.WebSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured user's password is checked once per name and password, not on every request. */
class VerifiedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(5), Clock.systemUTC());
    /** As Spring Security asks: through a provider manager, which erases the password of what it answers. */
    private final ProviderManager users = new ProviderManager(users());

    @Test
    void the_same_name_and_password_again_are_not_checked_again_and_authenticate_alike() {
        Authentication first = users.authenticate(login("li", "secret"));
        Authentication again = users.authenticate(login("li", "secret"));
        Authentication third = users.authenticate(login("li", "secret"));

        assertThat(checks).hasValue(1);
        for (Authentication authenticated : new Authentication[]{first, again, third}) {
            assertThat(authenticated.isAuthenticated()).isTrue();
            assertThat(authenticated.getName()).isEqualTo("li");
            assertThat(authenticated.getAuthorities()).map(GrantedAuthority::getAuthority)
                    .containsExactlyInAnyOrder("ROLE_CLERK", "UNIT_430001");
            assertThat(authenticated.getCredentials()).isNull();
        }
    }

    @Test
    void a_wrong_password_is_checked_and_refused_every_time_even_after_the_right_one() {
        users.authenticate(login("li", "secret"));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> users.authenticate(login("li", "secret2"))).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> users.authenticate(login("li", "Secret"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(5);
    }

    @Test
    void a_locked_out_client_is_refused_even_with_a_password_that_was_verified() {
        users.authenticate(login("li", "secret"));
        throttle.failed(LoginThrottle.client(login("li", "x")), "li");
        throttle.failed(LoginThrottle.client(login("li", "x")), "li");

        assertThatThrownBy(() -> users.authenticate(login("li", "secret"))).isInstanceOf(LoginThrottle.Locked.class);
    }

    private static UsernamePasswordAuthenticationToken login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    private DaoAuthenticationProvider users() {
        WebSettings settings = new WebSettings(new WebSettings.Security(Map.of("li",
                new WebSettings.Security.User("{noop}secret", "CLERK", "430001")), null, null), null);
        DaoAuthenticationProvider provider = new SecurityConfiguration().configuredUsers(settings,
                new StaticListableBeanFactory().getBeanProvider(FallbackAdmin.class), throttle);
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        provider.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwords.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return passwords.matches(raw, encoded);
            }
        });
        return provider;
    }
}
