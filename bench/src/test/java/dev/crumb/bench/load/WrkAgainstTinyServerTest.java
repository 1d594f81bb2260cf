package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code wrk} for two seconds against a tiny server that plays a cookie-issuing site:
 * it gives each new visitor a cookie {@code v=<id>.<generation>} and renews it with the next generation
 * every 20th request of that visitor, checking that every request carries the visitor's latest cookie.
 * Skipped when wrk is not on the PATH.
 */
class WrkAgainstTinyServerTest {

    private static final int CONNECTIONS = 8;
    private static final int THREADS = 2;

    private Server server;
    private String url;
    private final VisitorSite site = new VisitorSite();

    @BeforeEach
    void startServer() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(site), "/hello");
        server.setHandler(context);
        server.start();
        url = "http://127.0.0.1:" + connector.getLocalPort() + "/hello";
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
    }

    @Test
    @DisplayName("returning visitors: one visitor per connection, each always sending the latest cookie it was given")
    void returningVisitorsKeepTheirCookies() throws Exception {
        String wrk = wrkOnPath();

        WrkResult result = new Wrk(wrk, THREADS, CONNECTIONS, VisitorScript.Visitors.RETURNING)
                .run(url, Duration.ofSeconds(2));

        assertThat(result.requests()).isGreaterThan(100);
        assertThat(result.non2xx()).isZero();
        assertThat(site.newVisitors.get()).isBetween(1, CONNECTIONS);
        assertThat(site.staleOrForeign.get()).isZero();
        assertThat(site.renewals.get()).isPositive();
        assertThat(site.withCookie.get()).isGreaterThan(site.requests.get() * 9 / 10);
        assertThat(site.referers).as("no Referer unless asked for").isEmpty();
    }

    @Test
    @DisplayName("returning visitors with --same-site-referer: every request carries the site's root as its Referer")
    void sameSiteReferer() throws Exception {
        String wrk = wrkOnPath();

        WrkResult result = new Wrk(wrk, THREADS, CONNECTIONS, VisitorScript.Visitors.RETURNING).withSameSiteReferer()
                .run(url, Duration.ofSeconds(2));

        assertThat(result.requests()).isGreaterThan(100);
        assertThat(site.staleOrForeign.get()).isZero();
        assertThat(site.referers).containsOnlyKeys(url.substring(0, url.indexOf("/hello") + 1));
        assertThat(site.referers.values().iterator().next().get()).isEqualTo(site.requests.get());
    }

    @Test
    @DisplayName("new visitors: no request carries a cookie")
    void newVisitorsSendNoCookie() throws Exception {
        String wrk = wrkOnPath();

        WrkResult result = new Wrk(wrk, THREADS, CONNECTIONS, VisitorScript.Visitors.NEW).run(url, Duration.ofSeconds(2));

        assertThat(result.requests()).isGreaterThan(100);
        assertThat(site.withCookie.get()).isZero();
        assertThat((long) site.newVisitors.get()).isEqualTo(site.requests.get());
    }

    private static String wrkOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        // On CI (.ci/run installs wrk) a missing wrk is a broken machine, not a reason to pass by skipping.
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("wrk is not on the PATH; failing because CI is true (.ci/run installs it)");
        }
        assumeTrue(false, "wrk is not on the PATH");
        return null;
    }

    /** Issues, renews and checks visitor cookies; counts what it saw. */
    private static final class VisitorSite extends HttpServlet {
        final AtomicInteger newVisitors = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong withCookie = new AtomicLong();
        final AtomicLong staleOrForeign = new AtomicLong();
        final AtomicLong renewals = new AtomicLong();
        final Map<String, AtomicLong> referers = new ConcurrentHashMap<>();
        private final Map<Integer, Integer> latestGeneration = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> visits = new ConcurrentHashMap<>();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            requests.incrementAndGet();
            String referer = request.getHeader("Referer");
            if (referer != null) {
                referers.computeIfAbsent(referer, r -> new AtomicLong()).incrementAndGet();
            }
            String slot = request.getHeader(HelloServlet.SLOT_HEADER);
            if (slot != null) {
                response.setHeader(HelloServlet.SLOT_HEADER, slot);
            }
            String value = cookie(request);
            if (value == null) {
                int id = newVisitors.incrementAndGet();
                latestGeneration.put(id, 0);
                visits.put(id, new AtomicInteger());
                response.addHeader("Set-Cookie", "v=" + id + ".0; Path=/; HttpOnly");
            } else {
                withCookie.incrementAndGet();
                String[] parts = value.split("\\.");
                int id = Integer.parseInt(parts[0]);
                int generation = Integer.parseInt(parts[1]);
                Integer latest = latestGeneration.get(id);
                if (latest == null || latest != generation) {
                    staleOrForeign.incrementAndGet();
                } else if (visits.get(id).incrementAndGet() % 20 == 0) {
                    latestGeneration.put(id, generation + 1);
                    renewals.incrementAndGet();
                    response.addHeader("Set-Cookie", "v=" + id + "." + (generation + 1) + "; Path=/; HttpOnly");
                }
            }
            response.setContentType("text/plain");
            response.getWriter().write("ok");
        }

        private static String cookie(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if (c.getName().equals("v")) {
                        return c.getValue();
                    }
                }
            }
            return null;
        }
    }
}
