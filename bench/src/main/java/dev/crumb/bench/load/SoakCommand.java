package dev.crumb.bench.load;

import dev.crumb.TrackingMetrics;
import dev.crumb.store.AnalyticsSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code soak}: a bounded soak of the Crumb server (filter, tracking on, embedded H2 store) with wrk
 * in another process, then the checks of issue 9: zero 5xx (indeed zero non-2xx), the peak heap sampled
 * every 250 ms during the run, and analytics that count exactly what was served once the load stops
 * (attributed + anonymous page views in the summary = pages the server answered − events dropped).
 * Exits 1 when a check fails, so it can gate a release.
 */
public final class SoakCommand {

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(2);

    private SoakCommand() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        boolean ok;
        try (BenchServers servers = BenchServers.start(options.host(), options.portBase())) {
            LocalDate from = LocalDate.now(ZoneOffset.UTC);
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(SAMPLE_EVERY.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "crumb-soak-heap");
            sampler.setDaemon(true);
            sampler.start();
            System.out.printf("soak: %s of wrk, %d connections, %d threads, %s visitors against %s%n", options.duration(),
                    options.connections(), options.threads(), options.visitors().name().toLowerCase(),
                    servers.url(ServerKind.CRUMB));
            // --replay-cookie: one visitor's cookie, taken from a first response, on every request.
            String replayed = options.visitors() == VisitorScript.Visitors.REPLAY
                    ? ReplayedCookie.obtain(servers.url(ServerKind.CRUMB)) : null;
            WrkResult wrk = options.wrkDriver().replaying(replayed).run(servers.url(ServerKind.CRUMB), options.duration());
            sampler.interrupt();

            TrackingMetrics metrics = settle(servers);
            LocalDate to = LocalDate.now(ZoneOffset.UTC);
            AnalyticsSummary summary = servers.store().analytics().summary(from, to);
            long served = servers.crumbPagesServed();
            long counted = summary.pageviews() + summary.anonymousPageviews();
            memory.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();

            System.out.printf("wrk:        %,d requests, %,.0f req/s, p50 %s, p99 %s, non-2xx %d, socket errors %d%n",
                    wrk.requests(), wrk.requestsPerSecond(), wrk.p50(), wrk.p99(), wrk.non2xx(), wrk.socketErrors().total());
            System.out.printf("server:     %,d pages answered%n", served);
            System.out.printf("tracking:   %,d recorded, %,d written, %,d dropped, %,d failed writes, %,d queued%n",
                    metrics.recorded(), metrics.written(), metrics.dropped(), metrics.failedWrites(), metrics.queued());
            System.out.printf("analytics:  %,d page views (%,d attributed, %,d anonymous), %,d visitors, %,d visits%n",
                    counted, summary.pageviews(), summary.anonymousPageviews(), summary.visitors(), summary.visits());
            System.out.printf("heap:       peak %.1f MiB during the run, %.1f MiB after GC, max %.1f MiB%n",
                    mib(peakHeap.get()), mib(heapAfter), mib(memory.getHeapMemoryUsage().getMax()));

            boolean noErrors = wrk.non2xx() == 0 && wrk.socketErrors().total() == 0;
            boolean exact = counted == served - metrics.dropped();
            ok = noErrors && exact && metrics.queued() == 0;
            System.out.println(check("no non-2xx answers and no socket errors", noErrors));
            System.out.println(check("analytics count exactly the pages answered (minus counted drops: "
                    + metrics.dropped() + ")", exact));
            System.out.println(check("the tracking buffer drained", metrics.queued() == 0));
            if (replayed != null) {
                ReplayedCookie.ConsentLogCheck log = ReplayedCookie.consentLog(servers.url(ServerKind.CRUMB), replayed,
                        Duration.ofSeconds(5));
                ok &= log.exactlyOneDefault();
                System.out.println(check("the replayed visitor's consent log holds exactly one default (it holds "
                        + log.defaultRecords() + ")", log.exactlyOneDefault()));
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static TrackingMetrics settle(BenchServers servers) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
        TrackingMetrics m = servers.crumbFilter().metrics();
        while (System.nanoTime() < deadline && !(m.queued() == 0 && m.recorded() == m.written() + m.abandoned())) {
            Thread.sleep(100);
            m = servers.crumbFilter().metrics();
        }
        return m;
    }

    private static String check(String what, boolean passed) {
        return (passed ? "PASS  " : "FAIL  ") + what;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
