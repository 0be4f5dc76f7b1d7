package org.budgetledger.ledger;

import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A body that announces more than the limit is answered 413 before it is read: its exact answer. */
class RequestSizeLimitTest extends LedgerIntegrationTest {

    @Test
    void a_body_announced_over_the_limit_answers_413_problem_json() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.ADMIN).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(413);
        // as it always was: written through the servlet's writer, to which Tomcat gives its default charset
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/problem+json;charset=ISO-8859-1");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":"
                + "\"https://budget-ledger.org/problems/payload-too-large\",\"title\":\"Request body too large\",\"status\":413,"
                + "\"detail\":\"the body is larger than 1048576 bytes\",\"code\":\"PAYLOAD_TOO_LARGE\"}");
    }
}
