package org.budgetledger.standalone;

import org.budgetledger.embedded.FreePorts;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees on the console: the launcher started as {@code java -jar} would start it (its own
 * logging configuration, no users configured), a short start-up, and at its end the banner with the URL, the
 * generated password, the data directory and the embedded broker's address — the password good for logging in.
 */
class StartupOutputTest {

    private static final Pattern PASSWORD = Pattern.compile("user: admin {3}password: (\\S{20}) ");
    private static final Pattern URL = Pattern.compile("Budget Ledger is ready: http://localhost:(\\d+)");
    /** Start-up lines above the banner that an operator reads; about 900 before the embedded servers were quieted. */
    private static final int LINES_BEFORE_BANNER_MAX = 40;

    @Test
    void the_start_up_ends_with_a_banner_an_operator_can_act_on(@TempDir Path dataDirectory) throws Exception {
        int kafkaPort = FreePorts.next();
        Process launcher = new ProcessBuilder(javaExecutable(), "-cp", productClasspath(),
                StandaloneLauncher.class.getName(), "--budgetledger.data-dir=" + dataDirectory, "--server.port=0",
                "--budgetledger.integrity.key=" + org.budgetledger.testing.TestUsers.INTEGRITY_KEY,
                "--" + EmbeddedServers.KAFKA_PORT_PROPERTY + "=" + kafkaPort)
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.contains("read the events:"); line = out.readLine()) {
                lines.add(line);
            }
            String console = String.join("\n", lines);
            Matcher url = URL.matcher(console);
            Matcher password = PASSWORD.matcher(console);
            assertThat(url.find()).as(console).isTrue();
            assertThat(password.find()).as(console).isTrue();
            assertThat(lines.indexOf(lines.stream().filter(line -> line.contains("Budget Ledger is ready")).findFirst().orElseThrow()))
                    .as(console).isLessThan(LINES_BEFORE_BANNER_MAX);
            assertThat(console).doesNotContain("KafkaConfig values", "ProducerConfig values")
                    .contains("data: " + dataDirectory.toAbsolutePath(), "Kafka: 127.0.0.1:" + kafkaPort);
            assertThat(new HttpApi(Integer.parseInt(url.group(1)), "admin", password.group(1)).get("/api/v1/units").status())
                    .isEqualTo(200);
        } finally {
            launcher.destroy();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test's class path less the test classes: without logback-test.xml, the product logs as it does in production. */
    private static String productClasspath() throws IOException {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
