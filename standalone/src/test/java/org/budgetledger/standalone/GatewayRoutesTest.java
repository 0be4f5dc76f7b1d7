package org.budgetledger.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker compose's gateway (deploy/gateway.conf) sends every endpoint to the service that serves it: each
 * mapping of the running application, by the package of its controller, against nginx's longest-prefix
 * choice among the file's locations. An endpoint added to one service and routed to the other fails here.
 */
class GatewayRoutesTest extends StandaloneIntegrationTest {

    private static final Pattern LOCATION = Pattern.compile("location\\s+(\\S+)\\s*\\{\\s*proxy_pass\\s+http://([a-z-]+):\\d+;");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_endpoint_is_routed_to_the_service_that_serves_it() throws IOException {
        Map<String, String> locations = locations(Files.readString(Path.of("..", "deploy", "gateway.conf")));
        List<String> misrouted = new ArrayList<>();
        int checked = 0;
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            String owner = owner(mapping.getValue().getBeanType().getPackageName());
            if (owner == null) {
                continue; // Spring's and springdoc's own pages: each service has them
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                String routed = route(locations, path);
                checked++;
                if (!owner.equals(routed)) {
                    misrouted.add(pattern + " is served by " + owner + " but routed to " + routed);
                }
            }
        }
        assertThat(checked).isGreaterThan(25);
        assertThat(misrouted).isEmpty();
        assertThat(route(locations, "/")).as("the web UI").isEqualTo("projection-service");
    }

    private static String owner(String packageName) {
        if (packageName.startsWith("org.budgetledger.ledger")) {
            return "ledger-service";
        }
        return packageName.startsWith("org.budgetledger.projection") ? "projection-service" : null;
    }

    private static Map<String, String> locations(String config) {
        Map<String, String> locations = new LinkedHashMap<>();
        Matcher matcher = LOCATION.matcher(config);
        while (matcher.find()) {
            locations.put(matcher.group(1), matcher.group(2));
        }
        assertThat(locations).isNotEmpty();
        return locations;
    }

    /** nginx's choice among prefix locations: the longest that the path starts with. */
    private static String route(Map<String, String> locations, String path) {
        return locations.entrySet().stream().filter(location -> path.startsWith(location.getKey()))
                .max(Comparator.comparingInt(location -> location.getKey().length()))
                .map(Map.Entry::getValue).orElse("nowhere");
    }
}
