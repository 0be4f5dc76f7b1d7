package org.budgetledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** 401, 403 and 429 as problem+json, with the {@code WWW-Authenticate} challenge a client needs. */
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "budget-ledger";

    private final ObjectMapper json;
    private final LoginThrottle throttle;

    ProblemSecurityResponses(ObjectMapper json, LoginThrottle throttle) {
        this.json = json;
        this.throttle = throttle;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LockedException locked) {
            Duration left = throttle.lockedFor(locked.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, left.toSeconds())));
            write(response, ProblemCode.LOGIN_LOCKED, "too many failed logins; try again later");
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        // the web UI asks for no Basic challenge: a browser answers one with its own login dialog
        boolean script = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        if (bearer || !script) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, bearer
                    ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                    : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(response, ProblemCode.UNAUTHORIZED, bearer ? "the bearer token is not valid" : "authentication required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, ProblemCode.FORBIDDEN, "your roles do not allow this");
    }

    private void write(HttpServletResponse response, ProblemCode code, String detail) throws IOException {
        ProblemDetail body = ProblemResponses.problem(code, detail, List.of()).getBody();
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
