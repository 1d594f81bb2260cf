package dev.crumb.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints a load run as a table per server and the ratios against Crumb's targets. */
public final class LoadReport {

    /** Crumb's throughput target against the bare server. */
    public static final double TARGET_VS_BARE = 0.90;
    /** Crumb's throughput target against a container {@code HttpSession} per visitor. */
    public static final double TARGET_VS_HTTPSESSION = 1.00;

    private LoadReport() {
    }

    /** Prints the table and ratios. */
    public static void print(LoadOptions options, List<LoadRun.ServerResult> results, PrintStream out) {
        out.printf(Locale.ROOT, "%ncrumb-bench load: %s, %d connections, %d wrk threads, %ds per server"
                        + " (warm-up %ds, %s), wrk %s%n%n",
                options.trafficLabel(),
                options.connections(), options.threads(), options.duration().toSeconds(),
                options.warmup().toSeconds(), options.warmupOrder().label(), options.wrk());
        out.printf(Locale.ROOT, "%-12s %12s %10s %10s %10s %8s %8s %12s %12s %12s%n", "server", "requests/s", "p50",
                "p90", "p99", "non-2xx", "sock-err", "heap before", "heap after", "heap delta");
        for (LoadRun.ServerResult r : results) {
            WrkResult w = r.wrk();
            out.printf(Locale.ROOT, "%-12s %12.1f %10s %10s %10s %8d %8d %12s %12s %12s%n", r.server().label(),
                    w.requestsPerSecond(), time(w.p50()), time(w.p90()), time(w.p99()), w.non2xx(),
                    w.socketErrors().total(), mib(r.before().heapUsedAfterGc()), mib(r.after().heapUsedAfterGc()),
                    signedMib(r.after().heapUsedAfterGc() - r.before().heapUsedAfterGc()));
        }
        out.println();
        LoadRun.ServerResult bare = find(results, ServerKind.BARE);
        LoadRun.ServerResult crumb = find(results, ServerKind.CRUMB);
        LoadRun.ServerResult session = find(results, ServerKind.HTTPSESSION);
        if (crumb != null && bare != null) {
            double ratio = crumb.wrk().requestsPerSecond() / bare.wrk().requestsPerSecond();
            out.printf(Locale.ROOT, "crumb / bare        throughput %.3f  (target >= %.2f: %s)  [%s]%n", ratio,
                    TARGET_VS_BARE, ratio >= TARGET_VS_BARE ? "met" : "MISSED", options.trafficLabel());
        }
        if (crumb != null && session != null) {
            double ratio = crumb.wrk().requestsPerSecond() / session.wrk().requestsPerSecond();
            out.printf(Locale.ROOT, "crumb / httpsession throughput %.3f  (target >= %.2f: %s)  [%s]%n", ratio,
                    TARGET_VS_HTTPSESSION, ratio >= TARGET_VS_HTTPSESSION ? "met" : "MISSED", options.trafficLabel());
        }
        printCpuPerRequest(results, bare, crumb, session, out);
        if (session != null) {
            long sessions = session.after().sessionsCreated() - session.before().sessionsCreated();
            long delta = session.after().heapUsedAfterGc() - session.before().heapUsedAfterGc();
            // Pooled buffers and thread stacks move the heap by megabytes; a few sessions drown in that.
            out.printf(Locale.ROOT, "httpsession: %d sessions created in the measured run; heap delta per session %s%n",
                    sessions, sessions > 0 && delta > 0 ? (delta / sessions) + " bytes"
                            : "n/a (delta not positive: below the noise; --new-visitors creates one per request)");
        }
        if (crumb != null) {
            long events = crumb.after().trackedEvents();
            long delta = crumb.after().heapUsedAfterGc() - crumb.before().heapUsedAfterGc();
            out.println(events > 0
                    ? String.format(Locale.ROOT, "crumb: %d events in the tracking buffer; %d bytes per tracked visit in flight",
                            events, delta / events)
                    : "crumb: bytes per tracked visit in flight: n/a (no page views were waiting in the tracking buffer, or tracking is off)");
        }
        if (crumb != null && crumb.after().droppedEvents() >= 0) {
            long droppedInRun = crumb.before().droppedEvents() >= 0
                    ? crumb.after().droppedEvents() - crumb.before().droppedEvents() : crumb.after().droppedEvents();
            out.printf(Locale.ROOT, "crumb tracking: %d page views dropped in the measured run (%d since start),"
                    + " %d still waiting in the buffer at its end%n", droppedInRun, crumb.after().droppedEvents(),
                    Math.max(0, crumb.after().trackedEvents()));
        }
        if (crumb != null && crumb.before().writerCpuNanos() >= 0 && crumb.after().writerCpuNanos() >= 0
                && crumb.after().writtenEvents() > crumb.before().writtenEvents()) {
            long written = crumb.after().writtenEvents() - crumb.before().writtenEvents();
            double cpuMs = (crumb.after().writerCpuNanos() - crumb.before().writerCpuNanos()) / 1e6;
            // The writer's own CPU per page view: steadier than throughput on shared cores, for A/B runs.
            out.printf(Locale.ROOT, "crumb tracking writer: %d page views written in the measured run, %.1f ms CPU"
                    + " (%.2f ms per 1000 page views)%n", written, cpuMs, cpuMs * 1000 / written);
        }
        if (crumb != null && crumb.consentLog() != null) {
            ReplayedCookie.ConsentLogCheck log = crumb.consentLog();
            out.printf(Locale.ROOT, "crumb consent log of the replayed visitor: %d default record(s) of %d shown"
                    + " (expected exactly 1: %s)%n", log.defaultRecords(), log.records(),
                    log.exactlyOneDefault() ? "met" : "MISSED");
        }
        for (LoadRun.ServerResult r : results) {
            if (r.wrk().non2xx() > 0 || r.wrk().socketErrors().total() > 0) {
                out.printf(Locale.ROOT, "WARNING: %s had %d non-2xx responses and socket errors %s; its figures are suspect%n",
                        r.server().label(), r.wrk().non2xx(), r.wrk().socketErrors());
            }
        }
    }

    /**
     * The servers' JVM CPU per request in each measured run, and Crumb's against the others: steadier than
     * throughput when other work shares the cores, because it does not count the time a server waited for
     * one. It leaves wrk's own CPU out, and it includes whatever the JVM did meanwhile (the JIT, the
     * collector, Crumb's tracking writer). Then the JIT compiler threads' share, and the same figure without it:
     * the servers share one JVM, and a run in which the JIT was still compiling (Crumb's tracking writer runs a few
     * times a second, so its code reaches the optimising compiler minutes after start) carries a one-time cost
     * that a server running for a while no longer pays per request.
     */
    private static void printCpuPerRequest(List<LoadRun.ServerResult> results, LoadRun.ServerResult bare,
                                           LoadRun.ServerResult crumb, LoadRun.ServerResult session, PrintStream out) {
        printPerRequest("server JVM CPU per request:", LoadReport::cpuMicrosPerRequest, results, bare, crumb, session,
                out);
        StringBuilder jit = new StringBuilder("JIT compiler threads' CPU in the measured run:");
        boolean any = false;
        for (LoadRun.ServerResult r : results) {
            long nanos = r.after().jitCpuSince(r.before());
            if (nanos >= 0) {
                jit.append(String.format(Locale.ROOT, " %s %d ms;", r.server().label(), nanos / 1_000_000));
                any = true;
            }
        }
        if (any) {
            jit.setLength(jit.length() - 1);
            out.println(jit);
            printPerRequest("server JVM CPU per request without the JIT's:", LoadReport::cpuWithoutJitMicrosPerRequest,
                    results, bare, crumb, session, out);
        }
    }

    private static void printPerRequest(String title, ToDoubleFunction<LoadRun.ServerResult> micros,
                                        List<LoadRun.ServerResult> results, LoadRun.ServerResult bare,
                                        LoadRun.ServerResult crumb, LoadRun.ServerResult session, PrintStream out) {
        StringBuilder line = new StringBuilder(title);
        boolean any = false;
        for (LoadRun.ServerResult r : results) {
            double value = micros.applyAsDouble(r);
            if (value >= 0) {
                line.append(String.format(Locale.ROOT, " %s %.2f us;", r.server().label(), value));
                any = true;
            }
        }
        if (!any) {
            return;
        }
        line.setLength(line.length() - 1);
        double crumbMicros = crumb == null ? -1 : micros.applyAsDouble(crumb);
        for (LoadRun.ServerResult other : new LoadRun.ServerResult[] {bare, session}) {
            double otherMicros = other == null ? -1 : micros.applyAsDouble(other);
            if (crumbMicros > 0 && otherMicros > 0) {
                line.append(String.format(Locale.ROOT, "; crumb / %s %.2f x", other.server().label(),
                        crumbMicros / otherMicros));
            }
        }
        out.println(line);
    }

    /** Microseconds of the servers' JVM CPU per completed request in the measured run; -1 when not known. */
    static double cpuMicrosPerRequest(LoadRun.ServerResult r) {
        long cpu = r.after().cpuSince(r.before());
        return cpu < 0 || r.wrk().requests() <= 0 ? -1 : cpu / 1e3 / r.wrk().requests();
    }

    /** The same without the JIT compiler threads' CPU; -1 when either is not known. */
    static double cpuWithoutJitMicrosPerRequest(LoadRun.ServerResult r) {
        long cpu = r.after().cpuSince(r.before());
        long jit = r.after().jitCpuSince(r.before());
        return cpu < 0 || jit < 0 || r.wrk().requests() <= 0 ? -1 : (cpu - jit) / 1e3 / r.wrk().requests();
    }

    private static LoadRun.ServerResult find(List<LoadRun.ServerResult> results, ServerKind kind) {
        return results.stream().filter(r -> r.server() == kind).findFirst().orElse(null);
    }

    static String time(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0fus", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1fMiB", bytes / (1024.0 * 1024.0));
    }

    private static String signedMib(long bytes) {
        return String.format(Locale.ROOT, "%+.2fMiB", bytes / (1024.0 * 1024.0));
    }
}
