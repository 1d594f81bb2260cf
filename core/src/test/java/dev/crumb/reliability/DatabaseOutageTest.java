package dev.crumb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.PostgresDatabase;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TcpProxy;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away during traffic: a {@link TcpProxy} between the store's pool and the shared server
 * is cut (the server itself keeps running for everyone else) and later restored.
 *
 * <p>The store runs on {@code CrumbStores.jdbc(DataSource)} with a pool whose connection timeout is one
 * second. With {@code CrumbStores.jdbc(url, user, password)} HikariCP's default of 30 seconds applies,
 * so each request that touches the store during an outage waits 30 seconds before its 503 (reported in
 * {@code docs/security.md}); the behaviour is otherwise the same.
 */
@DisplayName("A database outage during traffic: pages served, page views buffered or counted as dropped, "
        + "consent refused with 503, writing resumes exactly")
class DatabaseOutageTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAPACITY = 100;
    private static final int BATCH = 10;
    /** {@code EventWriter.CATCH_UP_BATCHES}: batches a writer takes at once while a backlog waits. */
    private static final int CATCH_UP_BATCHES = 10;

    private PostgresDatabase database;
    private TcpProxy proxy;
    private HikariDataSource pool;
    private CrumbStore store;
    private ServerFixture server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.restore();
        }
        if (store != null) {
            store.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("PostgreSQL behind a cut proxy")
    void outage() throws Exception {
        database = PostgresDatabase.create();
        proxy = TcpProxy.to("127.0.0.1", URI.create(database.url().substring(5)).getPort());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url().replace(":5432/", ":" + proxy.port() + "/"));
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000);
        pool = new HikariDataSource(config);
        store = CrumbStores.jdbc(pool);
        CrumbFilter filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(11)).store(store)
                .trackingBufferCapacity(CAPACITY).trackingBatchSize(BATCH).trackingFlushInterval(Duration.ofMillis(20))
                .build());
        server = ServerFixture.jetty();
        URI base = server.start(filter, TrackingPages.servlets());

        Browser visitor = new Browser(base).header("User-Agent", UA);
        visitor.get("/page");
        assertThat(visitor.post("/crumb/consent", Map.of("csrf", csrf(visitor), "action", "accept-all")).statusCode())
                .isEqualTo(303);
        Browser defaultNotYetRecorded = new Browser(base).header("User-Agent", UA);
        defaultNotYetRecorded.get("/crumb/consent"); // gets the cookie; its default is recorded on its next page
        for (int i = 0; i < 20; i++) {
            assertThat(visitor.get("/page").statusCode()).isEqualTo(200);
        }
        Eventually.await("the first page views written", () -> filter.metrics().written() >= 20
                && filter.metrics().written() == filter.metrics().recorded());

        proxy.cut();
        TrackingMetrics atCut = filter.metrics();
        int duringOutage = 250;
        long slowest = 0;
        for (int i = 0; i < duringOutage; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = visitor.get("/products/" + (i % 7));
            slowest = Math.max(slowest, System.nanoTime() - start);
            assertThat(page.statusCode()).as("page " + i + " during the outage").isEqualTo(200);
        }
        assertThat(Duration.ofNanos(slowest)).as("pages do not wait for the database").isLessThan(Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThat(new Browser(base).header("User-Agent", UA).get("/page").statusCode()).as("a new visitor").isEqualTo(200);
        assertThat(defaultNotYetRecorded.get("/page").statusCode()).as("a default that cannot be recorded").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the pool's connection timeout")
                .isLessThan(Duration.ofSeconds(5));

        TrackingMetrics during = filter.metrics();
        long recorded = during.recorded() - atCut.recorded();
        long dropped = during.dropped() - atCut.dropped();
        assertThat(recorded + dropped).as("every page view is buffered or counted as dropped")
                .isEqualTo(duringOutage + 2);
        // The batch the writer holds is one batch, or a catch-up batch of up to ten when a backlog had gathered
        // while it assembled the first (a writer thread descheduled on a loaded machine).
        assertThat(during.queued()).as("the buffer stays within its bound")
                .isLessThanOrEqualTo(CAPACITY + CATCH_UP_BATCHES * BATCH);
        assertThat(dropped).as("beyond the bound, page views are dropped and counted").isPositive();

        String token = csrf(visitor);
        HttpResponse<String> refused = visitor.post("/crumb/consent", Map.of("csrf", token, "action", "reject-all"));
        assertThat(refused.statusCode()).as("a consent decision that cannot be recorded").isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Browser.setCookie(refused, "crumb")).as("the cookie does not change either").isNull();
        assertThat(JSON.readTree(visitor.get("/crumb/me.json").body()).get("consent").get("analytics").asBoolean())
                .as("the earlier choice stands").isTrue();

        proxy.restore();
        Eventually.await("writing resumes and the buffer drains, " + filter.metrics(), Duration.ofSeconds(45),
                () -> filter.metrics().queued() == 0 && filter.metrics().written() == filter.metrics().recorded());
        TrackingMetrics after = filter.metrics();
        assertThat(after.failedWrites()).isPositive();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsSummary summary = store.analytics().summary(today.minusDays(1), today.plusDays(1));
        assertThat(summary.pageviews() + summary.anonymousPageviews()).as("the store counts exactly what was buffered")
                .isEqualTo(after.written());

        HttpResponse<String> accepted = visitor.post("/crumb/consent", Map.of("csrf", csrf(visitor), "action", "reject-all"));
        assertThat(accepted.statusCode()).as("consent works again").isEqualTo(303);
        JsonNode log = JSON.readTree(visitor.get("/crumb/me.json").body()).get("consentLog");
        assertThat(log).as("the refused decision left no record").extracting(r -> r.get("source").asText())
                .containsExactly("withdrawal", "banner", "region-default");
    }

    private static String csrf(Browser b) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(b.get("/crumb/consent").body());
        assertThat(m.find()).as("the consent page has a CSRF field").isTrue();
        return m.group(1);
    }
}
