package dev.crumb.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives the three servers one after the other with wrk (warm-up runs, then each measured run between
 * two heap snapshots) and reports the results.
 */
public final class LoadRun {

    /** How long a measured run waits at most for Crumb's tracking buffer to drain. */
    static final Duration DRAIN_WAIT = Duration.ofMinutes(2);

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

    /**
     * Runs bare, crumb and httpsession in that order, each warmed up right before its own measured run
     * ({@link LoadOptions.WarmupOrder#EACH}, the default) or all warmed up before the first is measured
     * ({@link LoadOptions.WarmupOrder#ALL_FIRST}). Every measured run but a Crumb run right after Crumb's own warm-up
     * waits until Crumb's tracking buffer has drained (at most {@link #DRAIN_WAIT}), so that no server's run carries
     * the writing of page views Crumb took before it.
     */
    public List<ServerResult> run() throws IOException, InterruptedException {
        List<Target> targets = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            targets.add(target(kind));
        }
        boolean allFirst = options.warmupOrder() == LoadOptions.WarmupOrder.ALL_FIRST;
        if (allFirst) {
            for (Target target : targets) {
                warmUp(target);
            }
        }
        List<ServerResult> results = new ArrayList<>();
        for (Target target : targets) {
            if (!allFirst) {
                warmUp(target);
            }
            boolean ownWarmUp = !allFirst && target.kind == ServerKind.CRUMB;
            HeapSnapshot before = ownWarmUp ? heap.get() : drained();
            log.printf("%-12s measuring %ds against %s%n", target.kind.label(), options.duration().toSeconds(),
                    target.url);
            WrkResult result = target.wrk.run(target.url, options.duration());
            HeapSnapshot after = heap.get();
            ReplayedCookie.ConsentLogCheck consentLog = target.kind == ServerKind.CRUMB && target.cookie != null
                    ? ReplayedCookie.consentLog(target.url, target.cookie, Duration.ofSeconds(5)) : null;
            results.add(new ServerResult(target.kind, result, before, after, consentLog));
        }
        return results;
    }

    /** A server, its URL and its wrk driver (replaying the server's own cookie with {@code --replay-cookie}). */
    private record Target(ServerKind kind, String url, Wrk wrk, String cookie) {
    }

    private Target target(ServerKind kind) throws IOException, InterruptedException {
        String url = kind.url(options.host(), options.portBase());
        Wrk wrk = options.wrkDriver();
        String cookie = null;
        if (options.visitors() == VisitorScript.Visitors.REPLAY) {
            cookie = ReplayedCookie.obtain(url);
            log.printf("%-12s replaying %s%n", kind.label(), cookie == null ? "no cookie (the server set none)"
                    : "the cookie " + cookie.substring(0, cookie.indexOf('=') + 1) + "… of a first response");
            wrk = wrk.replaying(cookie);
        }
        return new Target(kind, url, wrk, cookie);
    }

    private void warmUp(Target target) throws IOException, InterruptedException {
        if (options.warmup().toSeconds() >= 1) {
            log.printf("%-12s warm-up %ds against %s%n", target.kind.label(), options.warmup().toSeconds(), target.url);
            target.wrk.run(target.url, options.warmup());
        }
    }

    /** A snapshot once Crumb's tracking buffer holds nothing (or after {@link #DRAIN_WAIT}, saying so). */
    private HeapSnapshot drained() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        HeapSnapshot snapshot = heap.get();
        boolean said = false;
        while (snapshot.trackedEvents() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                log.printf("crumb tracking buffer still holds %d page views after %ds; measuring anyway%n",
                        snapshot.trackedEvents(), DRAIN_WAIT.toSeconds());
                break;
            }
            if (!said) {
                log.printf("waiting for crumb's tracking buffer to drain (%d page views)%n", snapshot.trackedEvents());
                said = true;
            }
            Thread.sleep(1000);
            snapshot = heap.get();
        }
        return snapshot;
    }
}
