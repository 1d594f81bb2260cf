package dev.crumb.bench.load;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import dev.crumb.bench.BenchKeys;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The three load-test servers in one JVM, each an embedded Jetty 12 serving the same {@code GET /hello}:
 * bare on the port base, behind {@link CrumbFilter} on base + 1 (fixed bench keys, an embedded H2 store
 * in a temporary directory), behind a container {@code HttpSession} per visitor on base + 2. Base + 3
 * answers {@code GET /heap} with a {@link HeapSnapshot} taken after a full GC. Closing stops the servers,
 * closes the store and deletes its directory.
 */
public final class BenchServers implements AutoCloseable {

    /** Sessions expire after 30 minutes of inactivity, the usual {@code web.xml} default. */
    private static final int SESSION_TIMEOUT_SECONDS = 30 * 60;

    private final String host;
    private final int portBase;
    private final Path dataDirectory;
    private final CrumbStore store;
    /** The trusted country header the visitor scripts send ({@link VisitorScript}). */
    static final String COUNTRY_HEADER = "X-Bench-Country";

    private final SessionHandler sessions;
    private final List<Server> servers = new ArrayList<>();
    private final HelloServlet crumbPage = new HelloServlet();
    private CrumbFilter crumbFilter;

    private BenchServers(String host, int portBase) throws IOException {
        this.host = host;
        this.portBase = portBase;
        this.dataDirectory = Files.createTempDirectory("crumb-bench-h2-");
        this.store = openStore(dataDirectory);
        this.sessions = new SessionHandler();
        sessions.setMaxInactiveInterval(SESSION_TIMEOUT_SECONDS);
    }

    /**
     * The embedded H2 default in {@code directory}, or the database of {@code -Dcrumb.bench.store-url}
     * (with {@code -Dcrumb.bench.store-user} and the password in {@code CRUMB_DB_PASSWORD}), e.g. PostgreSQL.
     */
    private static CrumbStore openStore(Path directory) {
        String url = System.getProperty("crumb.bench.store-url");
        if (url == null || url.isBlank()) {
            return CrumbStores.h2(directory);
        }
        return CrumbStores.jdbc(url, System.getProperty("crumb.bench.store-user", "crumb"),
                System.getenv().getOrDefault("CRUMB_DB_PASSWORD", ""));
    }

    /**
     * Starts the servers on {@code portBase} … {@code portBase + 3}.
     *
     * @throws Exception when a port is taken or a server fails to start; whatever started is stopped again
     */
    public static BenchServers start(String host, int portBase) throws Exception {
        BenchServers s = new BenchServers(host, portBase);
        try {
            s.startAll();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** The name Crumb gives its tracking writer's thread. */
    static final String WRITER_THREAD = "crumb-tracking-writer";

    private void startAll() throws Exception {
        start(ServerKind.BARE.port(portBase), page(null, null, new HelloServlet()));
        CrumbConfig.Builder config = CrumbConfig.builder()
                .keys(BenchKeys.COOKIE_KEY)
                .hashKey(BenchKeys.HASH_KEY)
                .store(store)
                // The simulated visitors are in the US (X-Bench-Country, as a CDN's country header would say):
                // analytics is on by default there, so their page views take the attributed write path.
                .countryHeader(COUNTRY_HEADER)
                // -Dcrumb.bench.tracking=false separates the filter's own cost from the background writer's.
                .tracking(!"false".equals(System.getProperty("crumb.bench.tracking")));
        // -Dcrumb.bench.batch-size=N runs the writer with another tracking-batch-size than the default.
        Integer batchSize = Integer.getInteger("crumb.bench.batch-size");
        if (batchSize != null) {
            config.trackingBatchSize(batchSize);
        }
        CrumbConfig crumb = config.build();
        crumbFilter = new CrumbFilter(crumb);
        start(ServerKind.CRUMB.port(portBase), page(crumbFilter, null, crumbPage));
        start(ServerKind.HTTPSESSION.port(portBase), page(new SessionPerVisitorFilter(), sessions, new HelloServlet()));
        start(portBase + ServerKind.ADMIN_OFFSET, new HeapEndpoint());
    }

    /** The page's URL on each server. */
    public String url(ServerKind kind) {
        return kind.url(host, portBase);
    }

    /** The admin URL that answers with a {@link HeapSnapshot}. */
    public String heapUrl() {
        return heapUrl(host, portBase);
    }

    /** The admin URL of servers started elsewhere with this host and port base. */
    public static String heapUrl(String host, int portBase) {
        return "http://" + host + ":" + (portBase + ServerKind.ADMIN_OFFSET) + "/heap";
    }

    /** Crumb's tracking counters as the run left them, then a full GC, the heap in use and the per-visitor counters. */
    public HeapSnapshot snapshot() {
        // Read before the GC, which gives the tracking writer time to catch up: "waiting at the end of the run".
        TrackingMetrics tracking = crumbFilter == null ? null : crumbFilter.metrics();
        long writerCpu = writerCpuNanos();
        long cpuBeforeGc = processCpuNanos();
        long jitCpu = JitCpu.nanos();
        var memory = ManagementFactory.getMemoryMXBean();
        // Twice: the first collection may leave finalizable or reference-queued objects to the second.
        memory.gc();
        memory.gc();
        return new HeapSnapshot(memory.getHeapMemoryUsage().getUsed(), sessions.getSessionsCreated(),
                tracking == null ? -1 : tracking.queued(), tracking == null ? -1 : tracking.dropped(),
                tracking == null ? -1 : tracking.written(), writerCpu, cpuBeforeGc, processCpuNanos(), jitCpu);
    }

    /** The CPU time of this whole JVM so far, or -1 when the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The CPU time of Crumb's tracking writer thread ({@value #WRITER_THREAD}), or -1 when there is none. */
    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && WRITER_THREAD.equals(info.getThreadName())) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return -1;
    }

    private static Handler page(Filter filter, SessionHandler sessionHandler, HelloServlet hello) {
        ServletContextHandler context = new ServletContextHandler("/");
        if (sessionHandler != null) {
            context.setSessionHandler(sessionHandler);
        }
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(hello), "/hello");
        return context;
    }

    private void start(int port, Handler handler) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // Jetty caches header fields it has seen on a connection, up to headerCacheSize characters, and clears
        // the whole cache when a new one does not fit. wrk's returning visitors are not tied to a connection
        // (VisitorScript), so every connection carries 64 visitors' cookies in turn: with Jetty's default of
        // 1024, each ~300-character Crumb cookie evicts the others and the clearing took 80 % of the Crumb
        // server's request threads (docs/performance.md, "Results (2026-11-30 night …)"). A browser keeps its
        // own connections, so this models a proxy that reuses connections; all three servers get the same.
        http.setHeaderCacheSize(Integer.getInteger("crumb.bench.header-cache", 0));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        servers.add(server);
        server.start();
    }

    /** The filter of the Crumb server, for its tracking metrics. */
    public CrumbFilter crumbFilter() {
        return crumbFilter;
    }

    /** The Crumb server's store, for the analytics a soak checks. */
    public CrumbStore store() {
        return store;
    }

    /** How many pages the Crumb server answered. */
    public long crumbPagesServed() {
        return crumbPage.served();
    }

    @Override
    public void close() {
        for (Server server : servers) {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("could not stop the server on " + server.getURI() + ": " + e);
            }
        }
        servers.clear();
        store.close();
        deleteRecursively(dataDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the bench store " + directory, e);
        }
    }

    /** {@code GET /heap}: a {@link HeapSnapshot} as JSON. */
    private final class HeapEndpoint extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/heap".equals(Request.getPathInContext(request))) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, snapshot().toJson(), callback);
            return true;
        }
    }
}
