package dev.crumb.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this JVM's JIT compiler threads, from Linux's {@code /proc/self/task}. The JVM hides these
 * threads from {@code ThreadMXBean}, and {@code CompilationMXBean} gives the compilations' elapsed time, which on a
 * saturated machine mostly counts the compiler waiting for a core. A load run whose server is still being compiled
 * (Crumb's tracking writer runs a few times a second, so its code reaches the optimising compiler minutes after
 * start) carries a one-time cost in its CPU per request; this is what lets the report take it out.
 */
final class JitCpu {

    /** Clock ticks per second of {@code /proc}'s times (Linux's {@code USER_HZ}, 100 on every common platform). */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** {@code comm} is cut to 15 characters: "C2 CompilerThread0" reads "C2 CompilerThre". */
    private static final String[] COMPILER_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

    private JitCpu() {
    }

    /**
     * CPU time (user and system) of the compiler threads alive now, or -1 where {@code /proc} is not there. A
     * compiler thread that ended takes its time with it (the JVM may stop extra ones when idle; a 2-core machine
     * runs one of each), so a difference that comes out negative is unknown.
     */
    static long nanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (isCompiler(Files.readString(thread.resolve("comm")).strip())) {
                        ticks += ticks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we looked: its time is gone either way.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    static boolean isCompiler(String comm) {
        for (String prefix : COMPILER_THREADS) {
            if (comm.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * User plus system clock ticks of one {@code /proc/…/stat} line: fields 14 and 15, counted after the command in
     * parentheses (which may itself hold spaces and parentheses).
     */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (the state), so utime (14) and stime (15) are at 11 and 12.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
