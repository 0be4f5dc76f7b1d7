package org.budgetledger.ledger.evidence;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * docs/verify-history.py run as an auditor runs it: python3, standard library only, in a process of its own. Without
 * python3 the tests that need it are skipped, and fail under CI=true (as the browser and pg_dump tests do).
 */
public final class VerifierScript {

    /** What the script said and its exit status. */
    public record Run(int status, String output) {
    }

    /** The script in the repository, from a module's directory (where the tests run). */
    public static final Path SCRIPT = Path.of("..", "docs", "verify-history.py").toAbsolutePath().normalize();

    private VerifierScript() {
    }

    public static void requirePython() {
        boolean present;
        try {
            present = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException absent) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("python3 is needed to run docs/verify-history.py");
        }
        Assumptions.assumeTrue(present, "python3 is not installed: docs/verify-history.py cannot be run");
    }

    public static Run run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("verify-history.py did not finish within a minute: " + command);
            }
            return new Run(process.exitValue(), output.strip());
        } catch (IOException failed) {
            throw new AssertionError("could not run " + command, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    public static Path write(Path directory, String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new AssertionError(failed);
        }
    }
}
