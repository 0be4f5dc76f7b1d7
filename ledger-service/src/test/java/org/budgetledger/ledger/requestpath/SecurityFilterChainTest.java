package org.budgetledger.ledger.requestpath;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Spring Security's filter chain does per request besides authenticating and authorizing it. */
class SecurityFilterChainTest extends LedgerIntegrationTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilterChain;

    @Test
    void an_authorized_request_passes_the_chain_without_a_handler_lookup_of_its_own() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/transactions");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)));
        List<String> attributesAtTheEnd = new ArrayList<>();
        FilterChain end = (passed, answered) -> attributesAtTheEnd.addAll(Collections.list(passed.getAttributeNames()));

        MockHttpServletResponse response = new MockHttpServletResponse();
        securityFilterChain.doFilter(request, response, end);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(attributesAtTheEnd).isNotEmpty()
                // Spring MVC looks the handler up once, after the chain: the chain does not look it up too
                .noneMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
    }

    @Test
    void the_chain_does_not_observe_its_filters_which_nothing_reads() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/units");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)));
        List<String> attributesAtTheEnd = new ArrayList<>();
        FilterChain end = (passed, answered) -> attributesAtTheEnd.addAll(Collections.list(passed.getAttributeNames()));

        securityFilterChain.doFilter(request, new MockHttpServletResponse(), end);

        assertThat(attributesAtTheEnd).isNotEmpty().noneMatch(name -> name.contains("Observation"));
    }
}
