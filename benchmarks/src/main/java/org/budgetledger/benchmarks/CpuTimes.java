package org.budgetledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far, in milliseconds, as Linux counts it: by the whole machine, by the product's JVM (its
 * broker included), and by PostgreSQL's processes. Two of them a phase apart tell who kept the cores busy.
 *
 * <p>PostgreSQL is counted from {@code /proc/<pid>/stat} of every process named {@code postgres}: its own
 * time and that of its children that have ended (the postmaster reaps its backends), so that a connection
 * closed during the phase still counts.
 */
record CpuTimes(long machineBusyMillis, long productMillis, long postgresMillis) {

    static CpuTimes now(ProcessHandle product) {
        return new CpuTimes(readMachineBusyMillis(), product.info().totalCpuDuration().orElseThrow().toMillis(), readPostgresMillis());
    }

    /** The cores each used on average between {@code before} and this, over {@code seconds}. */
    Map<String, Object> coresSince(CpuTimes before, double seconds) {
        return Map.of("machineBusyCores", cores(machineBusyMillis - before.machineBusyMillis, seconds),
                "productCores", cores(productMillis - before.productMillis, seconds),
                "postgresCores", cores(postgresMillis - before.postgresMillis, seconds),
                "cores", Runtime.getRuntime().availableProcessors());
    }

    private static double cores(long millis, double seconds) {
        return Math.round(millis / 1000.0 / seconds * 100) / 100.0;
    }

    /**
     * The first line of /proc/stat: every state's ticks since boot, busy being all but idle and iowait. Guest
     * time (fields 9 and 10) is already counted in user and nice time, so it is left out.
     */
    private static long readMachineBusyMillis() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field = 1; field < ticks.length; field++) {
                if (field != 4 && field != 5 && field < 9) {
                    busy += Long.parseLong(ticks[field]);
                }
            }
            return ProcStat.millis(busy);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read /proc/stat", unreadable);
        }
    }

    /**
     * A process that ends between its own reading and its parent's would count twice, or not at all. So three
     * listings are taken, and the middle one is used once the reaped part did not change from the first to
     * the third: nothing was reaped while the middle one was read.
     */
    private static long readPostgresMillis() {
        for (int attempt = 0; ; attempt++) {
            long[] first = postgresTicks();
            long[] middle = postgresTicks();
            long[] last = postgresTicks();
            if (first[1] == last[1] || attempt == 10) {
                return ProcStat.millis(middle[0]);
            }
        }
    }

    /** All postgres processes' ticks, and the part of them that is their ended children's. */
    private static long[] postgresTicks() {
        long[] ticks = new long[2];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .flatMap(process -> ProcStat.read(process.resolve("stat")).stream())
                    .filter(process -> process.name().equals("postgres"))
                    .forEach(process -> {
                        ticks[0] += process.ownTicks() + process.reapedTicks();
                        ticks[1] += process.reapedTicks();
                    });
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list /proc", unreadable);
        }
        return ticks;
    }
}
