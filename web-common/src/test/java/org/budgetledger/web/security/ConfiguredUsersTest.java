package org.budgetledger.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.budgetledger.web.settings.WebSettings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredUsersTest {

    @Test
    void a_user_name_longer_than_a_recorded_principal_may_be_stops_the_start() {
        WebSettings settings = new WebSettings(new WebSettings.Security(Map.of("y".repeat(201),
                new WebSettings.Security.User("{noop}secret", "CLERK", "430001")), null, null), null);

        assertThatThrownBy(() -> new SecurityConfiguration().configuredUsers(settings,
                new StaticListableBeanFactory().getBeanProvider(FallbackAdmin.class),
                new LoginThrottle(5, Duration.ofMinutes(5), Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("longer than 200 characters");
    }
}
