package org.budgetledger.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.budgetledger.contracts.api.ProblemCode;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What the servlet container forwards to {@code /error} — requests refused before any controller saw them
 * (a URL the firewall rejects, say {@code //}), or failures outside Spring MVC — is answered as problem+json
 * too, in place of Spring Boot's plain JSON error page.
 */
@Hidden // not an operation of the API: the container's error page, whatever the method
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is nothing
        int code = status instanceof Integer number ? number : 404;
        ProblemCode problem = forStatus(code);
        return ProblemResponses.problem(problem, detail(problem), List.of());
    }

    /** The problem code an HTTP status refused outside our controllers stands for. */
    static ProblemCode forStatus(int code) {
        return switch (code) {
            case 401 -> ProblemCode.UNAUTHORIZED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
            default -> code >= 400 && code < 500 ? ProblemCode.VALIDATION_FAILED : ProblemCode.INTERNAL_ERROR;
        };
    }

    static String detail(ProblemCode problem) {
        return switch (problem) {
            case VALIDATION_FAILED -> "the request was refused before it was read";
            case NOT_ACCEPTABLE -> "the Accept header names no type this resource is available as";
            case INTERNAL_ERROR -> "an unexpected error occurred; it has been logged";
            default -> problem.title();
        };
    }
}
