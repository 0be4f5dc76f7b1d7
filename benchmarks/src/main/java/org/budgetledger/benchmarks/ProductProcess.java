package org.budgetledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.embedded.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The measured product as both drivers ({@link LoadDriver}, {@link EvidenceScale}) run it: the standalone jar in a
 * process of its own, on a data directory of its own, its output appended to {@code product.log} there, with one user
 * ({@value #USER}) holding every role for every unit, and spoken to over HTTP as a client would.
 */
final class ProductProcess {

    static final String USER = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path data;
    private final int port = FreePorts.next();
    private final List<String> command = new ArrayList<>(List.of("java"));
    private Process process;

    ProductProcess(Path repository, Path data) {
        this.data = data;
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", repository.resolve("standalone/target/budget-ledger.jar").toString(),
                "--budgetledger.data-dir=" + data, "--server.port=" + port,
                "--budgetledger.security.users." + USER + ".password={noop}" + USER,
                "--budgetledger.security.users." + USER + ".roles=ADMIN,CLERK,VIEWER,AUDITOR",
                "--budgetledger.security.users." + USER + ".units=*"));
    }

    /**
     * The measured product's JVM options, from {@code -Dbench.productJvmOptions} (space-separated), e.g.
     * {@code -XX:StartFlightRecording=filename=product.jfr,settings=profile,dumponexit=true}; the same for every run.
     */
    static List<String> jvmOptions() {
        String options = System.getProperty("bench.productJvmOptions", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    Path data() {
        return data;
    }

    /** Starts the process and waits until the product answers ready. */
    void start() throws Exception {
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("product.log").toFile()))
                .redirectErrorStream(true).start();
        awaitReady();
    }

    /** Stops the product as its operator would (SIGTERM: it closes the application, then its PostgreSQL and broker). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Stops the product and starts it again on the same data: milliseconds until it is ready. */
    long restart() throws Exception {
        stop();
        long started = System.nanoTime();
        start();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The running product's process, whose CPU the drivers read. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * A request as {@value #USER}: the answer's JSON (a document such as a publication's HTML or DOCX described by its
     * type and size, not parsed). A server error throws: no figure is measured over requests the product failed.
     */
    JsonNode send(String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response = exchange(method, path, body);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() >= 500) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + text);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.isEmpty() && !contentType.contains("json")) {
            return JSON.createObjectNode().put("contentType", contentType).put("bytes", response.body().length);
        }
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    /** {@link #send}, where any answer but a success throws: for requests a measurement relies on having succeeded. */
    JsonNode sendExpectingSuccess(String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response = exchange(method, path, body);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + text);
        }
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    private HttpResponse<byte[]> exchange(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8)));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the product exited with " + process.exitValue() + " while starting: see "
                        + data.resolve("product.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the product did not become ready within " + READY_WITHIN.toMinutes() + " minutes");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
