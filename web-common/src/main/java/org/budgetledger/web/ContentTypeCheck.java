package org.budgetledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.budgetledger.contracts.api.ProblemCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * A body must say what it is: one whose Content-Type names no concrete media type ({@code *}{@code /*},
 * {@code application/*}) or is no media type at all answers 415, before anything is read; so does a write
 * (POST, PUT, PATCH) with an empty body and such a Content-Type. Spring MVC would
 * otherwise refuse such a type only where it binds a body, and fail (500) on a wildcard there.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ContentTypeCheck extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    private final ObjectMapper json;

    public ContentTypeCheck(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        // a write names its body's type even when the body is empty: Spring MVC fails (500) on a wildcard there too
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || WRITES.contains(request.getMethod());
        if (contentType == null || !body || isConcrete(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.write(response, json, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "the Content-Type names no media type; send application/json (or multipart/form-data for a file)");
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
