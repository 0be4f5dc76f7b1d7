package org.budgetledger.web.security;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.budgetledger.web.settings.WebSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The security settings under their new names, {@code budgetledger.security.*}, and under the old ones. */
class DeprecatedSecurityNamesTest {

    private final List<String> logged = new ArrayList<>();

    @Test
    void the_old_names_still_work_and_each_is_logged_once_with_its_new_name() {
        WebSettings.Security properties = bind(Map.of(
                "ledger.security.users.Li.password", "{noop}li",
                "ledger.security.users.Li.roles", "CLERK",
                "ledger.security.users.Li.units", "430001",
                "ledger.security.lockout.failures-max", "3",
                "ledger.security.lockout.duration", "PT7M",
                "ledger.security.jwt.roles-claim", "r",
                "ledger.security.jwt.units-claim", "u"), Map.of());

        assertThat(properties.users()).containsExactly(Map.entry("Li", new WebSettings.Security.User("{noop}li", "CLERK", "430001")));
        assertThat(properties.lockout()).isEqualTo(new WebSettings.Security.Lockout(3, Duration.ofMinutes(7)));
        assertThat(properties.jwt()).isEqualTo(new WebSettings.Security.Jwt("r", "u"));
        assertThat(logged).containsExactlyInAnyOrder(
                "event=deprecated_setting name=ledger.security.users.Li.password use=budgetledger.security.users.Li.password",
                "event=deprecated_setting name=ledger.security.users.Li.roles use=budgetledger.security.users.Li.roles",
                "event=deprecated_setting name=ledger.security.users.Li.units use=budgetledger.security.users.Li.units",
                "event=deprecated_setting name=ledger.security.lockout.failures-max use=budgetledger.security.lockout.failures-max",
                "event=deprecated_setting name=ledger.security.lockout.duration use=budgetledger.security.lockout.duration",
                "event=deprecated_setting name=ledger.security.jwt.roles-claim use=budgetledger.security.jwt.roles-claim",
                "event=deprecated_setting name=ledger.security.jwt.units-claim use=budgetledger.security.jwt.units-claim");
    }

    @Test
    void the_new_names_work_and_log_nothing() {
        WebSettings.Security properties = bind(Map.of(
                "budgetledger.security.users.li.password", "{noop}li",
                "budgetledger.security.users.li.roles", "AUDITOR",
                "budgetledger.security.lockout.duration", "PT9M",
                "budgetledger.security.jwt.units-claim", "scopes"), Map.of());

        assertThat(properties.users()).containsExactly(Map.entry("li", new WebSettings.Security.User("{noop}li", "AUDITOR", null)));
        assertThat(properties.lockout().duration()).isEqualTo(Duration.ofMinutes(9));
        assertThat(properties.jwt().unitsClaim()).isEqualTo("scopes");
        assertThat(logged).isEmpty();
    }

    @Test
    void when_both_are_set_the_new_name_wins_wherever_each_is_set() {
        // the old name in the arguments (high precedence), the new one in the environment (lower)
        WebSettings.Security properties = bind(Map.of(
                "ledger.security.lockout.duration", "PT1M",
                "ledger.security.users.li.password", "{noop}old",
                "ledger.security.users.li.roles", "CLERK"), Map.of(
                "BUDGETLEDGER_SECURITY_LOCKOUT_DURATION", "PT2M",
                "BUDGETLEDGER_SECURITY_USERS_LI_PASSWORD", "{noop}new"));

        assertThat(properties.lockout().duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.users().get("li")).isEqualTo(new WebSettings.Security.User("{noop}new", "CLERK", null));
        assertThat(logged).contains("event=deprecated_setting name=ledger.security.lockout.duration"
                + " use=budgetledger.security.lockout.duration ignored=new_name_set");
    }

    @Test
    void old_names_in_environment_variables_work_too() {
        WebSettings.Security properties = bind(Map.of(), Map.of(
                "LEDGER_SECURITY_LOCKOUT_FAILURES_MAX", "2",
                "LEDGER_SECURITY_USERS_LI_PASSWORD", "{noop}li"));

        assertThat(properties.lockout().failuresMax()).isEqualTo(2);
        assertThat(properties.users().get("li").password()).isEqualTo("{noop}li");
        assertThat(logged).contains("event=deprecated_setting name=LEDGER_SECURITY_LOCKOUT_FAILURES_MAX"
                + " use=BUDGETLEDGER_SECURITY_LOCKOUT_FAILURES_MAX");
    }

    @Test
    void an_application_reads_the_old_names_and_logs_them() {
        PrintStream console = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        SpringApplication application = new SpringApplication(SecuritySettingsOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--ledger.security.lockout.duration=PT3M")) {
            assertThat(context.getBean(WebSettings.class).security().lockout().duration()).isEqualTo(Duration.ofMinutes(3));
        } finally {
            System.setOut(console);
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).containsOnlyOnce("event=deprecated_setting"
                + " name=ledger.security.lockout.duration use=budgetledger.security.lockout.duration");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebSettings.class)
    static class SecuritySettingsOnly {
    }

    private WebSettings.Security bind(Map<String, Object> arguments, Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", arguments));
        new DeprecatedSecurityNames(capturingLogs()).postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate(DeprecatedSecurityNames.NEW_PREFIX, WebSettings.Security.class);
    }

    private DeferredLogFactory capturingLogs() {
        Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[]{Log.class}, (proxy, method, args) -> {
            if (method.getName().equals("info")) {
                logged.add(String.valueOf(args[0]));
            }
            return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
        return destination -> log;
    }
}
