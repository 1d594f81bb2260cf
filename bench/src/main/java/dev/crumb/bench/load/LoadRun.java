package dev.crumb.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives the three servers one after the other with wrk (a warm-up run, then the measured run between
 * two heap snapshots) and reports the results.
 */
public final class LoadRun {

    /** One server's measured run. */
    public record ServerResult(ServerKind server, WrkResult wrk, HeapSnapshot before, HeapSnapshot after) {}

    private final LoadOptions options;
    private final Supplier<HeapSnapshot> heap;
    private final PrintStream log;

    /**
     * @param heap takes a snapshot of the servers' JVM (after a full GC)
     * @param log  where progress goes
     */
    public LoadRun(LoadOptions options, Supplier<HeapSnapshot> heap, PrintStream log) {
        this.options = options;
        this.heap = heap;
        this.log = log;
    }

    /** Runs bare, crumb and httpsession in that order. */
    public List<ServerResult> run() throws IOException, InterruptedException {
        Wrk wrk = options.wrkDriver();
        List<ServerResult> results = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            String url = kind.url(options.host(), options.portBase());
            if (options.warmup().toSeconds() >= 1) {
                log.printf("%-12s warm-up %ds against %s%n", kind.label(), options.warmup().toSeconds(), url);
                wrk.run(url, options.warmup());
            }
            HeapSnapshot before = heap.get();
            log.printf("%-12s measuring %ds against %s%n", kind.label(), options.duration().toSeconds(), url);
            WrkResult result = wrk.run(url, options.duration());
            HeapSnapshot after = heap.get();
            results.add(new ServerResult(kind, result, before, after));
        }
        return results;
    }
}
