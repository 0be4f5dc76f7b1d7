package org.budgetledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error either service answers is RFC 9457 problem+json with {@code type}, {@code title},
 * {@code status}, {@code detail}, a machine {@code code} and, for validation, {@code errors[]}. No stack
 * trace ever reaches a client; unexpected failures are logged here once, with the request's problem id.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    public static ResponseEntity<ProblemDetail> problem(ProblemCode code, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        body.setType(URI.create("https://budget-ledger.org/problems/" + code.name().toLowerCase().replace('_', '-')));
        body.setTitle(code.title());
        body.setProperty("code", code.name());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(code.httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem(problem.code(), problem.getMessage(), problem.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
        return apiProblem(unreadableJson(exception.getCause()));
    }

    /** What a body that JSON-binding refused is: an unknown field, a field of the wrong type, or no JSON at all. */
    public static ApiProblem unreadableJson(Throwable cause) {
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof RequestSizeLimit.TooLarge tooLarge) {
                return new ApiProblem(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ApiProblem(ProblemCode.VALIDATION_FAILED, "unknown field " + field,
                    List.of(new FieldError(field, "unknown field")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new ApiProblem(ProblemCode.VALIDATION_FAILED, "field " + field + " has the wrong type",
                    List.of(new FieldError(field, "wrong type")));
        }
        String reason = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : "empty or unreadable body";
        return new ApiProblem(ProblemCode.MALFORMED_REQUEST, "the body is not a readable JSON object: " + reason);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception) {
        return problem(ProblemCode.VALIDATION_FAILED, "parameter " + exception.getName() + " is malformed",
                List.of(new FieldError(exception.getName(), "malformed")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException exception) {
        return problem(ProblemCode.VALIDATION_FAILED, "parameter " + exception.getParameterName() + " is required",
                List.of(new FieldError(exception.getParameterName(), "required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
        return problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException exception) {
        return problem(ProblemCode.METHOD_NOT_ALLOWED, exception.getMethod() + " is not allowed here", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException exception) {
        return problem(ProblemCode.NOT_FOUND, "no such resource", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseFailures.isOutage(exception)) {
            log.warn("event=database_unavailable exception={} reason=\"{}\"", exception.getClass().getName(),
                    DatabaseFailures.reason(exception));
            ResponseEntity<ProblemDetail> unavailable = problem(ProblemCode.SERVICE_UNAVAILABLE,
                    "the database cannot be reached; nothing was stored, try again", List.of());
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "1").body(unavailable.getBody());
        }
        return apiProblem(unexpectedProblem(exception));
    }

    /**
     * What a failure that is no database outage answers, for a request or for one item of many (a batch): text
     * PostgreSQL cannot hold is the request's fault (400); anything else is ours, logged here once (500).
     */
    public static ApiProblem unexpectedProblem(Throwable failure) {
        if (DatabaseFailures.isUnstorableText(failure)) {
            return new ApiProblem(ProblemCode.VALIDATION_FAILED, "the request holds text that cannot be stored (a NUL character)");
        }
        log.error("event=unexpected_error exception={}", failure.getClass().getName(), failure);
        return new ApiProblem(ProblemCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
