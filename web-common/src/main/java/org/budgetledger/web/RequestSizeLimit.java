package org.budgetledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.budgetledger.contracts.api.ProblemCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import org.budgetledger.web.settings.WebSettings;

/**
 * Bounds every request body: {@code budgetledger.http.body-max} (1 MB) for single requests,
 * {@code budgetledger.http.batch-body-max} (16 MB) for {@code :batch} and {@code :import}. Larger bodies
 * answer 413 before anything is parsed, whether they announce their length or stream it (a streamed
 * multipart body, which the servlet container reads itself, is bounded by
 * {@code spring.servlet.multipart.max-request-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(WebSettings.class)
public class RequestSizeLimit extends OncePerRequestFilter {

    /** Thrown by the body stream once the limit is passed; the answer is 413. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    private final long bodyMaxBytes;
    private final long batchBodyMaxBytes;

    private final ObjectMapper json;

    RequestSizeLimit(WebSettings settings, ObjectMapper json) {
        this.json = json;
        this.bodyMaxBytes = settings.http().bodyMax().toBytes();
        this.batchBodyMaxBytes = settings.http().batchBodyMax().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = path.endsWith(":batch") || path.endsWith(":import") ? batchBodyMaxBytes : bodyMaxBytes;
        if (request.getContentLengthLong() > limit) {
            ProblemDetail body = ProblemResponses.problem(ProblemCode.PAYLOAD_TOO_LARGE,
                    new TooLarge(limit).getMessage(), List.of()).getBody();
            response.setStatus(ProblemCode.PAYLOAD_TOO_LARGE.httpStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // through the writer, as this answer always was: its Content-Type says charset=ISO-8859-1 (ASCII body)
            json.writeValue(response.getWriter(), body);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0 && ++read > limit) {
                        throw new TooLarge(limit);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    if (count > 0 && (read += count) > limit) {
                        throw new TooLarge(limit);
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
