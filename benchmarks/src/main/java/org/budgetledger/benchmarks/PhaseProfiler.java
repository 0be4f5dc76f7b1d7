package org.budgetledger.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * With {@code -Dbench.profiler=/path/to/libasyncProfiler.so}, a CPU profile of the product over each measured posting
 * and report phase alone: async-profiler is loaded into the running product ({@code jcmd <pid> JVMTI.agent_load}) when
 * the phase starts, sampling CPU time ({@code event=itimer}, perf events not being open to the container) per thread,
 * and stopped when it ends, writing {@code benchmarks/target/profile-<phase>.collapsed}: one line per stack, thread
 * first, samples last. A profile over the whole run would be the warm-up's and the replay's. Without the property,
 * nothing is loaded.
 */
final class PhaseProfiler {

    private static final String LIBRARY = System.getProperty("bench.profiler", "");
    private static final long JCMD_TIMEOUT_SECONDS = 30;

    private final ProcessHandle product;
    private final Path directory;

    PhaseProfiler(ProcessHandle product, Path repository) {
        this.product = product;
        this.directory = repository.resolve("benchmarks/target");
    }

    void start() throws IOException, InterruptedException {
        agent("start,event=itimer,interval=2ms,threads");
    }

    void stop(String phase) throws IOException, InterruptedException {
        agent("stop,collapsed,file=" + directory.resolve("profile-" + phase + ".collapsed"));
    }

    private void agent(String options) throws IOException, InterruptedException {
        if (LIBRARY.isBlank()) {
            return;
        }
        // quoted: jcmd would take "key=value" for an option of its own and pass the agent nothing
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(product.pid()), "JVMTI.agent_load", LIBRARY,
                "\"" + options + "\"").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !output.contains("return code: 0")) {
            throw new IllegalStateException("async-profiler " + options + " failed: " + output.strip());
        }
    }
}
