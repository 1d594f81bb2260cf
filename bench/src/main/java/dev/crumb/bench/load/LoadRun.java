package dev.crumb.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives the three servers one after the other with wrk (a warm-up run, then the measured run between
 * two heap snapshots) and reports the results.
 */
public final class LoadRun {

    /**
     * One server's measured run.
     *
     * @param consentLog with {@code --replay-cookie}, on the Crumb server: what its consent log holds for the
     *                   replayed visitor afterwards; otherwise {@code null}
     */
    public record ServerResult(ServerKind server, WrkResult wrk, HeapSnapshot before, HeapSnapshot after,
                               ReplayedCookie.ConsentLogCheck consentLog) {

        /** A run without a consent log check. */
        public ServerResult(ServerKind server, WrkResult wrk, HeapSnapshot before, HeapSnapshot after) {
            this(server, wrk, before, after, null);
        }
    }

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
        List<ServerResult> results = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            String url = kind.url(options.host(), options.portBase());
            Wrk wrk = options.wrkDriver();
            String cookie = null;
            if (options.visitors() == VisitorScript.Visitors.REPLAY) {
                cookie = ReplayedCookie.obtain(url);
                log.printf("%-12s replaying %s%n", kind.label(), cookie == null ? "no cookie (the server set none)"
                        : "the cookie " + cookie.substring(0, cookie.indexOf('=') + 1) + "… of a first response");
                wrk = wrk.replaying(cookie);
            }
            if (options.warmup().toSeconds() >= 1) {
                log.printf("%-12s warm-up %ds against %s%n", kind.label(), options.warmup().toSeconds(), url);
                wrk.run(url, options.warmup());
            }
            HeapSnapshot before = heap.get();
            log.printf("%-12s measuring %ds against %s%n", kind.label(), options.duration().toSeconds(), url);
            WrkResult result = wrk.run(url, options.duration());
            HeapSnapshot after = heap.get();
            ReplayedCookie.ConsentLogCheck consentLog = kind == ServerKind.CRUMB && cookie != null
                    ? ReplayedCookie.consentLog(url, cookie, Duration.ofSeconds(5)) : null;
            results.add(new ServerResult(kind, result, before, after, consentLog));
        }
        return results;
    }
}
