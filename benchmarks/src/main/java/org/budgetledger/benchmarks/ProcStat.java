package org.budgetledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} (proc(5)): the name, the CPU
 * the process or thread used itself (utime + stime) and that of its children it has reaped (cutime + cstime),
 * in clock ticks.
 */
record ProcStat(String name, long ownTicks, long reapedTicks) {

    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Java). */
    static final long TICKS_PER_SECOND = 100;

    static long millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Empty when the process or thread has ended. */
    static Optional<ProcStat> read(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the name is in parentheses and may hold spaces; the fields after it are plain
            int nameEnd = stat.lastIndexOf(')');
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            // fields 14 to 17 of proc(5), counted from the state (field 3) at index 0
            return Optional.of(new ProcStat(stat.substring(stat.indexOf('(') + 1, nameEnd),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
        } catch (IOException | RuntimeException ended) {
            return Optional.empty();
        }
    }
}
