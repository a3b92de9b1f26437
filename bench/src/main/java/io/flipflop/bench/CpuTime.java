package io.flipflop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds as Linux counts them ({@code /proc/<pid>/stat}, 100 clock ticks a second), for the benchmarks. */
public final class CpuTime {

    private CpuTime() {
    }

    /** A process's own user + system seconds ({@code utime}, {@code stime}). */
    public static double ofProcess(long pid) throws IOException {
        String[] stat = stat(pid);
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
    }

    /** User + system seconds of this process's children that have ended and been reaped ({@code cutime}, {@code cstime}). */
    public static double ofEndedChildren() throws IOException {
        String[] stat = stat(ProcessHandle.current().pid());
        return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0;
    }

    /** This JVM's own user + system seconds (its threads, not its children). */
    public static double ofThisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** The fields after the command name, which may itself hold spaces: field 3 (state) is index 0. */
    private static String[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
    }
}
