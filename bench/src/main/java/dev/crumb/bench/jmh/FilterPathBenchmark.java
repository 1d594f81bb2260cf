package dev.crumb.bench.jmh;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.bench.BenchKeys;
import dev.crumb.bench.HelloPage;
import dev.crumb.bench.jmh.servlet.StubRequest;
import dev.crumb.bench.jmh.servlet.StubResponse;
import dev.crumb.internal.cookie.CookiePayload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The filter's whole per-request path for a returning visitor, {@code CrumbFilter.doFilter} around a
 * servlet that writes a small page, against the same page without the filter. The cookie is the one a
 * previous response of the filter set. Clocks are fixed so every invocation takes the same branch:
 * {@code FRESH} (last seen just now: the cookie is opened, nothing is re-sent, the common case within a
 * visit) and {@code STALE} (last seen five minutes ago: opened and re-sealed with a new
 * {@code Set-Cookie}, once a minute per active visitor by default). Tracking is on, as on a site: the visitor is
 * in the US (analytics on by default there, as for the load benchmark's visitors), so each page view is
 * recorded with the visitor's ID into the tracking buffer, whose writer hands it to a store that counts and
 * discards it ({@link DiscardingEventsStore}). {@code referer}: none, or a link from the site's own page,
 * which every page a browser reaches by a link carries. Not included: the container's own parsing of the
 * {@code Cookie} header, which the load benchmark covers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class FilterPathBenchmark {

    private static final String COUNTRY_HEADER = "x-bench-country";
    private static final Instant COOKIE_WRITTEN = Instant.ofEpochSecond(CookieFixtures.NOW);

    /** How old the visitor's cookie is when the request arrives. */
    public enum CookieAge {
        FRESH(Duration.ZERO),
        STALE(Duration.ofMinutes(5));

        final Duration age;

        CookieAge(Duration age) {
            this.age = age;
        }
    }

    /** Whether the request carries a {@code Referer}, as every page a browser reaches by a link does. */
    public enum Referer {
        NONE(null),
        /** A link within the site: the page's own host. */
        SAME_SITE("http://localhost/products/1");

        final String value;

        Referer(String value) {
            this.value = value;
        }
    }

    @Param({"FRESH", "STALE"})
    public CookieAge cookieAge;

    @Param({"NONE", "SAME_SITE"})
    public Referer referer;

    private CrumbFilter filter;
    private DiscardingEventsStore store;
    private StubRequest request;
    private StubResponse response;
    private final FilterChain page = (req, res) -> HelloPage.write((HttpServletResponse) res);

    @Setup
    public void setUp() throws IOException, ServletException {
        String cookie = settledCookie();
        store = new DiscardingEventsStore();
        filter = filter(Clock.fixed(COOKIE_WRITTEN.plus(cookieAge.age), ZoneOffset.UTC), store);
        Map<String, String> headers = new HashMap<>(Map.of(
                "accept-language", "de-DE,de;q=0.9,en;q=0.8",
                "user-agent", "Mozilla/5.0 (X11; Linux x86_64) crumb-bench",
                COUNTRY_HEADER, "US"));
        if (referer.value != null) {
            headers.put("referer", referer.value);
        }
        request = new StubRequest("/hello", headers, new Cookie[] {new Cookie("crumb", cookie)});
        response = new StubResponse();

        withCrumb();
        boolean resent = response.getHeader("Set-Cookie") != null;
        if (resent != (cookieAge == CookieAge.STALE)) {
            throw new IllegalStateException("a " + cookieAge + " cookie " + (resent ? "was" : "was not")
                    + " re-sent; the benchmark would not measure what it says");
        }
    }

    @TearDown
    public void tearDown() {
        filter.destroy(); // stops the tracking writer after it has handed over what was recorded
        store.close();
    }

    /** The page views with the visitor's ID that the tracking writer handed to the store (read after {@link #tearDown}). */
    long attributedPageViews() {
        return store.attributedPageViews();
    }

    /** The anonymous page views the tracking writer handed to the store (read after {@link #tearDown}). */
    long anonymousPageViews() {
        return store.anonymousPageViews();
    }

    /** The request through {@code CrumbFilter}. */
    @Benchmark
    public int withCrumb() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        filter.doFilter(request, response, page);
        return response.bodyLength();
    }

    /** The same request straight to the page. */
    @Benchmark
    public int bare() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        page.doFilter(request, response);
        return response.bodyLength();
    }

    /**
     * The cookie a returning visitor holds once its first requests are over: the first visit sets one, and
     * the next request may re-send it once more (the consent default recorded in it); from then on a
     * request within the refresh interval sends nothing.
     */
    private static String settledCookie() throws IOException, ServletException {
        DiscardingEventsStore firstStore = new DiscardingEventsStore();
        CrumbFilter first = filter(Clock.fixed(COOKIE_WRITTEN, ZoneOffset.UTC), firstStore);
        try {
            String cookie = null;
            for (int visit = 0; visit < 3; visit++) {
                StubRequest next = new StubRequest("/hello", Map.of("accept-language", "de-DE,de;q=0.9", COUNTRY_HEADER, "US"),
                        cookie == null ? null : new Cookie[] {new Cookie("crumb", cookie)});
                StubResponse answer = new StubResponse();
                first.doFilter(next, answer, (req, res) -> HelloPage.write((HttpServletResponse) res));
                String header = answer.getHeader("Set-Cookie");
                if (header == null && cookie != null) {
                    return analyticsGranted(cookie);
                }
                if (header == null || !header.startsWith("crumb=")) {
                    throw new IllegalStateException("request " + (visit + 1) + " set no crumb cookie: " + header);
                }
                cookie = header.substring("crumb=".length(), header.indexOf(';'));
            }
            throw new IllegalStateException("the visitor's cookie was still re-sent on its third request");
        } finally {
            first.destroy();
            firstStore.close();
        }
    }

    /**
     * {@code cookie}, once it is known to be a US visitor's: analytics is on by default there, and only then does
     * the tracker record the page view with the visitor's ID and read the {@code Referer}, as it does for the
     * load benchmark's visitors.
     */
    private static String analyticsGranted(String cookie) {
        CookiePayload payload = CookieFixtures.codec().open(cookie)
                .orElseThrow(() -> new IllegalStateException("the settled cookie does not open"))
                .payload();
        if (!"US".equals(payload.country())) {
            throw new IllegalStateException("the settled cookie is not a US visitor's (" + COUNTRY_HEADER
                    + " not read?): " + payload.country());
        }
        return cookie;
    }

    /** The filter as a site configures it, tracking on: without a store it would run with tracking off. */
    private static CrumbFilter filter(Clock clock, DiscardingEventsStore store) throws ServletException {
        CrumbFilter filter = new CrumbFilter(CrumbConfig.builder()
                .store(store)
                .keys(BenchKeys.COOKIE_KEY)
                .hashKey(BenchKeys.HASH_KEY)
                // A visitor in the US, as the load benchmark's (a CDN's country header): analytics on by default.
                .countryHeader(COUNTRY_HEADER)
                .clock(clock)
                .random(new SecureRandom())
                .build());
        filter.init(null);
        return filter;
    }
}
