package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.Category;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ConsentCookies;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.PostgresDatabase;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way, exactly: scripted visitors browse two real Jetty servers that share one database, and
 * the analyst's summary over HTTP shows precisely the numbers the script implies — on H2 and on
 * PostgreSQL. The script's visitors get their cookie (and consent) on a first non-page request, so every
 * page view is attributed; a first page view without a cookie is covered in {@link TrackingContract}.
 */
@DisplayName("Analytics are exact end to end: scripted visitors through real servers to the summary")
class AnalyticsExactnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<CrumbFilter> filters = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    @DisplayName("on H2, two servers writing through one store")
    void h2() throws Exception {
        CrumbStore store = CrumbStores.h2(directory);
        resources.add(store);
        scriptAndCheck(start(store), start(store));
    }

    @Test
    @DisplayName("on PostgreSQL, two servers each with its own connection pool")
    void postgres() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        resources.add(database);
        CrumbStore one = CrumbStores.jdbc(database.url(), database.user(), database.password());
        resources.add(one);
        CrumbStore two = CrumbStores.jdbc(database.url(), database.user(), database.password());
        resources.add(two);
        scriptAndCheck(start(one), start(two));
    }

    private URI start(CrumbStore store) throws Exception {
        CrumbFilter filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(TestKeys.key(9))
                .clock(clock).store(store).trackingFlushInterval(Duration.ofMillis(10))
                .trackingPathNormaliser(p -> p.replaceAll("^/products/\\d+$", "/products/{id}"))
                .analystPasswordHash(AnalyticsEndpointsTest.HASH).build());
        ServerFixture server = ServerFixture.jetty();
        resources.add(server);
        filters.add(filter);
        return server.start(filter, TrackingPages.servlets());
    }

    private Browser visitor(URI base, String language) throws Exception {
        Browser b = new Browser(base).header("User-Agent", TrackingContract.BROWSER_UA).header("Accept-Language", language);
        b.get("/text");
        return b;
    }

    private void scriptAndCheck(URI first, URI second) throws Exception {
        Browser a = visitor(first, "de-DE");
        ConsentCookies.grant(a, "crumb", TestKeys.key(1), clock.instant(), Category.ANALYTICS);
        Browser b = visitor(second, "en-US");
        ConsentCookies.grant(b, "crumb", TestKeys.key(1), clock.instant(), Category.ANALYTICS);
        Browser aOnSecond = new Browser(second).header("User-Agent", TrackingContract.BROWSER_UA);

        a.header("Referer", "https://News.Test/story");
        a.get("/page");                                         // A, visit 1, entry, from news.test
        clock.advance(Duration.ofSeconds(10));
        b.get("/page?utm=x");                                    // B, visit 1, a bounce
        clock.advance(Duration.ofSeconds(50));
        aOnSecond.setCookie("crumb", a.cookie("crumb"));
        aOnSecond.get("/products/17");                           // A, visit 1, on the other server, exit
        clock.advance(Duration.ofSeconds(10));
        Browser anonymous = new Browser(first).header("User-Agent", TrackingContract.BROWSER_UA);
        anonymous.get("/page");                                  // no consent: anonymous
        anonymous.get("/products/3");                            // no consent: anonymous
        new Browser(second).header("User-Agent", "Googlebot/2.1").get("/page"); // bot: nothing
        a.get("/missing");                                       // 404: nothing
        clock.advance(Duration.ofDays(1));
        Browser aNextDay = new Browser(first).header("User-Agent", TrackingContract.BROWSER_UA);
        aNextDay.setCookie("crumb", aOnSecond.cookie("crumb"));
        aNextDay.get("/page");                                   // A, visit 2, next day, typed in, a bounce

        for (CrumbFilter f : filters) {
            Eventually.await("every page view written", () -> {
                TrackingMetrics m = f.metrics();
                return m.queued() == 0 && m.written() == m.recorded();
            });
        }
        assertThat(filters.stream().mapToLong(f -> f.metrics().written()).sum()).isEqualTo(6);

        JsonNode s = JSON.readTree(new Browser(first)
                .header("Authorization", AnalyticsEndpointsTest.basic("analyst", AnalyticsEndpointsTest.PASSWORD))
                .get("/crumb/analytics/summary?from=2026-03-02&to=2026-03-03").body());

        assertThat(s.get("visitors").asLong()).isEqualTo(2);
        assertThat(s.get("newVisitors").asLong()).isEqualTo(2);
        assertThat(s.get("returningVisitors").asLong()).isEqualTo(1);
        assertThat(s.get("visits").asLong()).isEqualTo(3);
        assertThat(s.get("pageviews").asLong()).isEqualTo(4);
        assertThat(s.get("anonymousPageviews").asLong()).isEqualTo(2);
        assertThat(s.get("bounceRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(s.get("avgVisitSeconds").asDouble()).isEqualTo(20.0);
        assertThat(s.get("days").toString()).isEqualTo(
                "[{\"date\":\"2026-03-02\",\"visitors\":2,\"visits\":2,\"pageviews\":3},"
                        + "{\"date\":\"2026-03-03\",\"visitors\":1,\"visits\":1,\"pageviews\":1}]");
        assertThat(s.get("pages").toString()).isEqualTo(
                "[{\"path\":\"/page\",\"pageviews\":3,\"visitors\":2},"
                        + "{\"path\":\"/products/{id}\",\"pageviews\":1,\"visitors\":1}]");
        assertThat(s.get("entryPages").toString()).isEqualTo("[{\"path\":\"/page\",\"visits\":3}]");
        assertThat(s.get("exitPages").toString()).isEqualTo(
                "[{\"path\":\"/page\",\"visits\":2},{\"path\":\"/products/{id}\",\"visits\":1}]");
        assertThat(s.get("countries").toString()).isEqualTo(
                "[{\"country\":\"DE\",\"visitors\":1},{\"country\":\"US\",\"visitors\":1}]");
        assertThat(s.get("languages").toString()).isEqualTo(
                "[{\"language\":\"de\",\"visitors\":1},{\"language\":\"en\",\"visitors\":1}]");
        assertThat(s.get("referrers").toString()).isEqualTo("[{\"host\":\"news.test\",\"visits\":1}]");
    }
}
