package org.budgetledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * 401, 403 and 429 as problem+json, with the {@code WWW-Authenticate} challenge a client needs; and 405 for a
 * method the firewall refuses (TRACE, PROPFIND, invented ones) before any endpoint is looked for.
 */
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String REALM = "budget-ledger";
    /** The methods the firewall lets through; no endpoint answers any other. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectMapper json;
    private final RequestRejectedHandler otherRejections = new HttpStatusRequestRejectedHandler();

    ProblemSecurityResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottle.Locked locked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, locked.left().toSeconds())));
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

    /**
     * A method outside {@link #METHODS}: 405 here, also when Tomcat refused TRACE itself and forwarded to the
     * error page (TRACE never reaches a servlet, which would echo the request, credentials included). Other
     * rejections (a path the firewall refuses) keep their 400, which the error page answers as problem+json.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (METHODS.contains(request.getMethod())) {
            otherRejections.handle(request, response, rejected);
            return;
        }
        write(response, ProblemCode.METHOD_NOT_ALLOWED, "no endpoint answers the method " + printable(request.getMethod()));
    }

    private static String printable(String method) {
        return method.length() <= 32 && method.chars().allMatch(c -> c > 32 && c < 127) ? method : "sent";
    }

    private void write(HttpServletResponse response, ProblemCode code, String detail) throws IOException {
        ProblemResponses.write(response, json, code, detail);
    }
}
