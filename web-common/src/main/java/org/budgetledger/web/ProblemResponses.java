package org.budgetledger.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
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

    /**
     * The same answer written straight to the servlet response, for the filters that answer before Spring MVC
     * (or Spring Security) would.
     */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemCode code, String detail)
            throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(code, detail, List.of()).getBody());
    }

    /** A refused request's answer: its code's status, with its detail and field errors. */
    public static ResponseEntity<ProblemDetail> problem(Rejection rejection) {
        return problem(rejection.code(), rejection.detail(), rejection.errors());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem(problem.rejection());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
        return apiProblem(unreadableJson(exception.getCause()));
    }

    /**
     * What is wrong with a body that JSON binding refused, in the client's terms: an unknown field, a field of the
     * wrong kind, or text that is no JSON (with where). Never Jackson's own words: they name Java types and
     * parser settings a client cannot change.
     */
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
        if (cause instanceof JsonMappingException mapping && !(mapping.getCause() instanceof StreamReadException)) {
            if (mapping.getPath().isEmpty()) {
                return new ApiProblem(ProblemCode.MALFORMED_REQUEST, "the body must be a JSON object");
            }
            String field = path(mapping);
            String expected = expectation(mapping);
            return new ApiProblem(ProblemCode.VALIDATION_FAILED, field + ": " + expected, List.of(new FieldError(field, expected)));
        }
        Throwable syntax = cause instanceof JsonMappingException mapping ? mapping.getCause() : cause;
        if (syntax instanceof InputCoercionException && cause instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new ApiProblem(ProblemCode.VALIDATION_FAILED, field + ": out of range",
                    List.of(new FieldError(field, "out of range")));
        }
        if (syntax instanceof StreamReadException unreadable) {
            JsonLocation at = unreadable.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = unreadable instanceof JsonEOFException ? "the body ends before its JSON is complete"
                    // Jackson's UTF-8 decoder says so in its message only
                    : String.valueOf(unreadable.getOriginalMessage()).startsWith("Invalid UTF-8") ? "the body is not valid UTF-8"
                    : "the body is not valid JSON";
            return new ApiProblem(ProblemCode.MALFORMED_REQUEST, what + where);
        }
        return new ApiProblem(ProblemCode.MALFORMED_REQUEST, "the body is empty or is no JSON");
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
        ResponseEntity<ProblemDetail> problem = problem(ProblemCode.METHOD_NOT_ALLOWED,
                exception.getMethod() + " is not allowed here", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .headers(headers -> headers.putAll(exception.getHeaders())).body(problem.getBody());
    }

    /**
     * The client accepts nothing this endpoint produces. The answer is problem+json all the same (as Spring does
     * for a ProblemDetail, and as RFC 9110 allows a server to disregard Accept): an empty 406 would leave the
     * client guessing, and the types it names are what the client should ask for instead.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException exception) {
        List<MediaType> supported = exception.getSupportedMediaTypes();
        String detail = supported.isEmpty() ? "the Accept header names no type this service produces"
                : "this resource is available as " + supported.stream().map(MediaType::toString).distinct()
                .collect(Collectors.joining(", ")) + "; send an Accept header that includes one of them";
        return problem(ProblemCode.NOT_ACCEPTABLE, detail, List.of());
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

    /** What a field of the wrong kind must be, from the type it is read into. */
    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof StrictJson.UnpairedSurrogate) {
            return Identifiers.UNPAIRED_SURROGATE;
        }
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time in ISO 8601";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
