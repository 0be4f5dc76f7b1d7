package org.budgetledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The first line of /proc/stat: every state's ticks since boot, busy being all but idle and iowait. */
    private static long readMachineBusyMillis() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field = 1; field < ticks.length; field++) {
                if (field != 4 && field != 5) {
                    busy += Long.parseLong(ticks[field]);
                }
            }
            return busy * 1000 / TICKS_PER_SECOND;
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
                return middle[0] * 1000 / TICKS_PER_SECOND;
            }
        }
    }

    /** All postgres processes' ticks, and the part of them that is their ended children's. */
    private static long[] postgresTicks() {
        long[] ticks = new long[2];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(process -> {
                long[] ofProcess = postgresTicks(process);
                ticks[0] += ofProcess[0] + ofProcess[1];
                ticks[1] += ofProcess[1];
            });
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list /proc", unreadable);
        }
        return ticks;
    }

    /** utime + stime and cutime + cstime of a postgres process; zeros for any other, or one that has just ended. */
    private static long[] postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the name is in parentheses and may hold spaces; the fields after it are plain
            int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                return new long[2];
            }
            List<String> fields = List.of(stat.substring(nameEnd + 2).split(" "));
            // fields 14 to 17 of proc(5), counted from the state (field 3) at index 0
            return new long[] {Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)),
                    Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14))};
        } catch (IOException | RuntimeException gone) {
            return new long[2];
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Java). */
    private static final long TICKS_PER_SECOND = 100;
}
