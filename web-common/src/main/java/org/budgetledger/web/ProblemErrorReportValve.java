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

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tomcat answers some requests itself, before Spring sees them (a path it cannot decode, say): with this
 * valve in place of its HTML error report, those answers are problem+json like every other.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemCode code = ProblemErrorController.forStatus(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://budget-ledger.org/problems/" + code.name().toLowerCase().replace('_', '-'));
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", ProblemErrorController.detail(code));
        problem.put("code", code.name());
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
