package org.budgetledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU each of the product's threads uses during a phase, read from {@code /proc/<pid>/task} twice a
 * second: a thread that ends during the phase (a replay's reader) keeps what it had used at its last
 * reading. Threads are grouped by name with their numbers taken out ("replay-helper", "C2 CompilerThread").
 */
final class ThreadCpu implements AutoCloseable {

    private static final int SHOWN = 10;

    private record Reading(String name, long ticks) {
    }

    private final long pid;
    private final Map<String, Reading> first;
    private final Map<String, Reading> last = new HashMap<>();
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "thread-cpu");
        thread.setDaemon(true);
        return thread;
    });

    ThreadCpu(ProcessHandle product) {
        this.pid = product.pid();
        this.first = read();
        last.putAll(first);
        sampler.scheduleAtFixedRate(this::sample, 500, 500, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        last.putAll(read());
    }

    /** The busiest thread groups since this began, in cores (of the machine's), busiest first. */
    synchronized Map<String, Double> cores() {
        last.putAll(read());
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Long> ticksByName = new HashMap<>();
        last.forEach((tid, reading) -> ticksByName.merge(reading.name(),
                reading.ticks() - first.getOrDefault(tid, new Reading(reading.name(), 0)).ticks(), Long::sum));
        Map<String, Double> busiest = new LinkedHashMap<>();
        ticksByName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN)
                .forEach(entry -> busiest.put(entry.getKey(),
                        Math.round(entry.getValue() / (double) ProcStat.TICKS_PER_SECOND / seconds * 100) / 100.0));
        return busiest;
    }

    private Map<String, Reading> read() {
        Map<String, Reading> readings = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> ProcStat.read(task.resolve("stat")).ifPresent(thread -> readings.put(
                    task.getFileName().toString(), new Reading(thread.name().replaceAll("\\d+", "N"), thread.ownTicks()))));
        } catch (IOException gone) {
            // the product has ended: the readings so far stand
        }
        return readings;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
