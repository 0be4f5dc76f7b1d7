package org.budgetledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.budgetledger.contracts.api.ProblemCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.util.List;

/**
 * Tomcat answers some requests itself, before Spring sees them (a path it cannot decode, say), and a few
 * handlers refuse with a bare status and no body: with this valve in place of Tomcat's HTML error report,
 * those answers are problem+json like every other.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** No Spring context here: the mix-in that writes a ProblemDetail's properties (code) at its top level. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        // an error reported with sendError (once), or a refusal set as a bare status: Spring Boot's welcome page
        // answers an Accept without text/html with an empty 406
        if (response.isError() ? !response.setErrorReported() : response.isCommitted()) {
            return;
        }
        ProblemCode code = ProblemErrorController.forStatus(status);
        ProblemDetail problem = ProblemResponses.problem(code, ProblemErrorController.detail(code), List.of()).getBody();
        problem.setStatus(status); // Tomcat's own status, which the code's may only stand for (e.g. 400 for 408)
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.writeValueAsString(problem));
            response.finishResponse();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        } catch (IOException | IllegalStateException clientGone) {
            // nothing more can be said to this client
        }
    }

    /** Puts the valve on the embedded Tomcat's host. */
    public static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        }
    }
}
