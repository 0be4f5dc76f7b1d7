package org.budgetledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.budgetledger.web.settings.WebSettings;

/**
 * SPEC §10 for both services: every endpoint but health and the API docs needs authentication (HTTP
 * Basic against {@code budgetledger.security.users}, or a JWT bearer token when a resource-server JWT decoder
 * is configured); the roles an endpoint needs are in {@link #api}; which units a caller may touch is
 * checked where the unit is known ({@link Caller}). Sessions are never created; CORS stays closed (no
 * cross-origin requests are allowed); Spring Security's default security headers are on, and a strict
 * Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(WebSettings.class)
@Import(PathPatternMatching.class)
public class SecurityConfiguration {

    /**
     * On every answer, the web UI's and the API's: scripts, styles, images, fonts and requests from this origin
     * only; no inline script, no eval, no plugins, no framing, no {@code <base>}. One exception: style
     * <em>attributes</em>, which ECharts writes into the HTML of its tooltips (the coloured marker of each
     * series); {@code <style>} elements stay refused. Images may be {@code data:} URIs (Swagger UI's icons).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityResponses problems, ObjectProvider<JwtDecoder> jwtDecoder,
                            WebSettings settings) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(ProblemSecurityResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the web UI's static files hold no data: every number comes from the authenticated API
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/ui/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/units", "/api/v1/catalog/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/units", "/api/v1/units/*", "/api/v1/catalog/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/transactions", "/api/v1/transactions:batch",
                                "/api/v1/transactions:import").hasAnyRole("CLERK", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/**").hasAnyRole("CLERK", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/transactions/**", "/api/v1/budget-lines",
                                "/api/v1/budget-lines/**", "/api/v1/commitments", "/api/v1/commitments/**")
                        .hasAnyRole("CLERK", "AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole("VIEWER", "AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/publications/**").hasAnyRole("VIEWER", "AUDITOR", "ADMIN")
                        .requestMatchers("/api/v1/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .anyRequest().hasRole("ADMIN"));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallers(settings.security().jwt()))));
        }
        return http.build();
    }

    /**
     * Where Spring Security's observations are switched off ({@code management.observations.enable.spring.security=false},
     * as both services set it), nothing of it is observed at all. Without this, each of its filters, each authentication
     * and each authorization is still wrapped in an observation, made and dropped on every request.
     */
    @Bean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Users from {@code budgetledger.security.users}; with none, the launcher's fallback {@code admin}, if any. */
    @Bean
    DaoAuthenticationProvider configuredUsers(WebSettings settings, ObjectProvider<FallbackAdmin> fallbackAdmin,
                                              LoginThrottle throttle) {
        List<UserDetails> users = new ArrayList<>();
        settings.security().users().keySet().stream().filter(name -> name.length() > Caller.NAME_LENGTH_MAX).findFirst()
                .ifPresent(name -> {
                    throw new IllegalStateException("budgetledger.security.users: the name " + name.substring(0, 20)
                            + "… is longer than " + Caller.NAME_LENGTH_MAX + " characters");
                });
        settings.security().users().forEach((name, user) -> users.add(User.withUsername(name)
                .password(user.password())
                .authorities(Caller.authorities(roles(name, user.roles()), split(user.units())))
                .build()));
        if (users.isEmpty() && fallbackAdmin.getIfAvailable() != null) {
            users.add(User.withUsername(FallbackAdmin.NAME)
                    .password(fallbackAdmin.getObject().encodedPassword())
                    .authorities(Caller.authorities(List.of(Role.ADMIN), List.of(Caller.ALL_UNITS)))
                    .build());
        }
        VerifiedCredentials verified = new VerifiedCredentials();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users)) {
            @Override
            public Authentication authenticate(Authentication login) {
                // before the name is looked up: a throttled client is answered alike for known and unknown names
                throttle.check(login);
                Optional<Authentication> known = verified.find(login);
                if (known.isPresent()) {
                    return known.get();
                }
                Authentication result = super.authenticate(login);
                verified.remember(login, result);
                return result;
            }
        };
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return provider;
    }

    @Bean
    LoginThrottle loginThrottle(WebSettings settings) {
        return new LoginThrottle(settings.security().lockout().failuresMax(), settings.security().lockout().duration(), Clock.systemUTC());
    }

    @Bean
    ProblemSecurityResponses problemSecurityResponses(ObjectMapper json) {
        return new ProblemSecurityResponses(json);
    }

    /** Spring Security's firewall with the methods spelled out: the ones outside it answer 405. */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(ProblemSecurityResponses.METHODS);
        return firewall;
    }

    private static List<Role> roles(String user, String roles) {
        return split(roles).stream().map(role -> {
            try {
                return Role.valueOf(role);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("budgetledger.security.users." + user + ".roles: unknown role " + role
                        + " (known: " + Arrays.toString(Role.values()) + ")");
            }
        }).toList();
    }

    static List<String> split(String commaList) {
        return commaList == null ? List.of() : Arrays.stream(commaList.split(","))
                .map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
