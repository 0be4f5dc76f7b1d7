package org.budgetledger.web.settings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP sides' settings keep the names and defaults of README's settings table. */
class WebSettingsTest {

    @Test
    void the_defaults_are_those_the_readme_lists() {
        WebSettings settings = bind(Map.of());

        assertThat(settings.security().users()).isEmpty();
        assertThat(settings.security().lockout()).isEqualTo(new WebSettings.Security.Lockout(5, Duration.ofMinutes(5)));
        assertThat(settings.security().jwt()).isEqualTo(new WebSettings.Security.Jwt("roles", "units"));
        assertThat(settings.http()).isEqualTo(new WebSettings.Http(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16)));
    }

    @Test
    void each_setting_is_read_under_its_documented_name() {
        WebSettings settings = bind(Map.of(
                "budgetledger.security.users.li.password", "{noop}li",
                "budgetledger.security.users.li.roles", "CLERK",
                "budgetledger.security.users.li.units", "430001",
                "budgetledger.security.lockout.failures-max", "3",
                "budgetledger.security.lockout.duration", "PT7M",
                "budgetledger.security.jwt.roles-claim", "r",
                "budgetledger.security.jwt.units-claim", "u",
                "budgetledger.http.body-max", "2MB",
                "budgetledger.http.batch-body-max", "3MB"));

        assertThat(settings.security().users()).containsExactly(
                Map.entry("li", new WebSettings.Security.User("{noop}li", "CLERK", "430001")));
        assertThat(settings.security().lockout()).isEqualTo(new WebSettings.Security.Lockout(3, Duration.ofMinutes(7)));
        assertThat(settings.security().jwt()).isEqualTo(new WebSettings.Security.Jwt("r", "u"));
        assertThat(settings.http()).isEqualTo(new WebSettings.Http(DataSize.ofMegabytes(2), DataSize.ofMegabytes(3)));
    }

    @Test
    void a_setting_left_out_keeps_its_default_when_its_neighbour_is_set() {
        WebSettings onlyDuration = bind(Map.of("budgetledger.security.lockout.duration", "PT7M",
                "budgetledger.security.jwt.units-claim", "u"));
        WebSettings onlyFailures = bind(Map.of("budgetledger.security.lockout.failures-max", "3",
                "budgetledger.security.jwt.roles-claim", "r"));

        // a lock-out of 0 failures would lock every name out at its first wrong password
        assertThat(onlyDuration.security().lockout()).isEqualTo(new WebSettings.Security.Lockout(5, Duration.ofMinutes(7)));
        assertThat(onlyDuration.security().jwt()).isEqualTo(new WebSettings.Security.Jwt("roles", "u"));
        assertThat(onlyFailures.security().lockout()).isEqualTo(new WebSettings.Security.Lockout(3, Duration.ofMinutes(5)));
        assertThat(onlyFailures.security().jwt()).isEqualTo(new WebSettings.Security.Jwt("r", "units"));
    }

    private static WebSettings bind(Map<String, String> given) {
        return new Binder(new MapConfigurationPropertySource(given)).bindOrCreate("budgetledger", WebSettings.class);
    }
}
