package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.CrumbStores;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ConsentCookies;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.RecordingStore;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Page tracking end to end over HTTP on a real container: which requests become page views, and with
 * which fields. Subclasses choose the container.
 */
abstract class TrackingContract {

    static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    protected final MutableClock clock = MutableClock.atDefaultStart();
    private final RecordingStore store = new RecordingStore(CrumbStores.inMemory());
    private ServerFixture server;
    private CrumbFilter filter;
    private URI base;

    protected abstract ServerFixture newFixture();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    private void start(UnaryOperator<CrumbConfig.Builder> configure) throws Exception {
        CrumbConfig config = configure.apply(CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(TestKeys.key(9))
                .clock(clock).store(store).countryHeader("CF-IPCountry").trackingFlushInterval(Duration.ofMillis(10))).build();
        filter = new CrumbFilter(config);
        server = newFixture();
        base = server.start(filter, TrackingPages.servlets());
    }

    private Browser browser() {
        return new Browser(base).header("User-Agent", BROWSER_UA).header("Accept-Language", "de-DE");
    }

    /** A browser whose visitor consents to analytics, with its visitor cookie already set. */
    private Browser consentingBrowser() throws Exception {
        Browser b = browser();
        assertThat(b.get("/text").statusCode()).isEqualTo(200);
        ConsentCookies.grant(b, "crumb", TestKeys.key(1), clock.instant(), Category.ANALYTICS);
        return b;
    }

    /** Waits until every recorded page view is written. */
    private TrackingMetrics settled() {
        Eventually.await("the pipeline to be idle", () -> {
            TrackingMetrics m = filter.metrics();
            return m.queued() == 0 && m.written() == m.recorded();
        });
        return filter.metrics();
    }

    private String visitorKey(Browser b) throws Exception {
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(b.get("/crumb/me.json").body())
                .get("visitorId").asText();
        return new VisitorHasher(Base64.getUrlDecoder().decode(TestKeys.key(9))).visitorKey(id);
    }

    @Test
    @DisplayName("a consenting visitor's page views land in the store with hash, visit, path, country, language and referrer")
    void attributedFields() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        visitor.header("Referer", "https://News.Example.org/story?id=7");
        assertThat(visitor.get("/page?utm_source=mail&email=a@b.test").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(visitor.get("/products/42").statusCode()).isEqualTo(200);
        settled();

        List<PageView> views = store.pageViews();
        String key = visitorKey(visitor);
        assertThat(views).containsExactly(
                new PageView(MutableClock.atDefaultStart().instant(), key, 1, "/page", "DE", "de", "news.example.org"),
                new PageView(clock.instant(), key, 1, "/products/42", "DE", "de", "news.example.org"));
        assertThat(store.anonymous()).isEmpty();
    }

    @Test
    @DisplayName("/crumb/me.json and /crumb/me show the visits the server keeps under the visitor's key, also as a download")
    void meShowsStoredVisits() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        visitor.header("Referer", "https://news.example.org/story");
        assertThat(visitor.get("/page").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(visitor.get("/products/42").statusCode()).isEqualTo(200);
        settled();

        com.fasterxml.jackson.databind.JsonNode me = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(visitor.get("/crumb/me.json").body());
        assertThat(me.at("/stored/kept").asBoolean()).isTrue();
        assertThat(me.at("/stored/visits").asLong()).isEqualTo(1);
        assertThat(me.at("/stored/pageViews").asLong()).isEqualTo(2);
        assertThat(me.at("/stored/firstSeen").asText()).isEqualTo(MutableClock.atDefaultStart().instant().toString());
        assertThat(me.at("/stored/lastSeen").asText()).isEqualTo(clock.instant().toString());
        assertThat(me.at("/stored/visitList/0/entryPath").asText()).isEqualTo("/page");
        assertThat(me.at("/stored/visitList/0/referrer").asText()).isEqualTo("news.example.org");
        assertThat(me.at("/stored/visitList/0/pages/~1products~142").asLong()).isEqualTo(1);
        assertThat(me.at("/consentLog").isArray()).isTrue();

        HttpResponse<String> download = visitor.get("/crumb/me.json?download=1");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("my-data.json"));
        assertThat(download.body()).contains("\"stored\"");
        String page = visitor.get("/crumb/me").body();
        // The visitor's browser speaks German: the section's heading is in German.
        assertThat(page).contains("Auf dem Server dieser Website unter Ihrer Besucher-ID gespeichert").contains("/products/42")
                .contains("me.json?download=1");
    }

    @Test
    @DisplayName("forget me erases the old visitor key's visits on the server; the summary stays exact")
    void forgetErasesStoredVisits() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        assertThat(visitor.get("/page").statusCode()).isEqualTo(200);
        Browser other = consentingBrowser();
        assertThat(other.get("/page").statusCode()).isEqualTo(200);
        settled();
        String oldKey = visitorKey(visitor);
        String otherKey = visitorKey(other);
        java.time.LocalDate day = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        dev.crumb.store.AnalyticsSummary before = store.analytics().summary(day, day);
        assertThat(store.visitorRecords().visits(oldKey, 10).visitCount()).isEqualTo(1);

        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(visitor.get("/crumb/me").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> r = visitor.post("/crumb/forget", java.util.Map.of("csrf", csrf.group(1)));
        assertThat(r.statusCode()).isEqualTo(303);

        assertThat(store.visitorRecords().visits(oldKey, 10)).isEqualTo(dev.crumb.store.StoredVisits.NONE);
        assertThat(store.visitorRecords().visits(otherKey, 10).visitCount()).isEqualTo(1);
        assertThat(store.analytics().summary(day, day)).isEqualTo(before);
        com.fasterxml.jackson.databind.JsonNode me = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(visitor.get("/crumb/me.json").body());
        assertThat(me.at("/stored/visits").asLong()).isZero();
    }

    @Test
    @DisplayName("a cookie-blocking visitor where analytics is on by default counts as one visitor per entry, not per page")
    void blockerNotInflated() throws Exception {
        start(b -> b);
        Browser blocker = new Browser(base).header("User-Agent", BROWSER_UA).header("Accept-Language", "en-US")
                .header("CF-IPCountry", "US").blockingCookies();
        assertThat(blocker.get("/page").statusCode()).isEqualTo(200);
        blocker.header("Referer", base.resolve("/page").toString());
        assertThat(blocker.get("/products/1").statusCode()).isEqualTo(200);
        assertThat(blocker.get("/products/2").statusCode()).isEqualTo(200);
        settled();
        assertThat(store.pageViews()).extracting(PageView::path).containsExactly("/page");
        assertThat(store.anonymous()).extracting(AnonymousPageView::path).containsExactly("/products/1", "/products/2");
    }

    @Test
    @DisplayName("a new visit after the visit timeout is recorded with the next visit number")
    void nextVisit() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        visitor.get("/page");
        clock.advance(Duration.ofMinutes(31));
        visitor.get("/page");
        settled();
        assertThat(store.pageViews()).extracting(PageView::visit).containsExactly(1, 2);
    }

    @Test
    @DisplayName("a visitor without analytics consent is counted only anonymously: time and path, no identifier")
    void anonymousWithoutConsent() throws Exception {
        start(b -> b);
        Browser visitor = browser().header("Referer", "https://news.example.org/");
        visitor.get("/page?q=secret");
        visitor.get("/page");
        Browser blocking = browser().blockingCookies();
        blocking.get("/products/1");
        settled();

        assertThat(store.pageViews()).isEmpty();
        assertThat(store.anonymous()).containsExactly(new AnonymousPageView(clock.instant(), "/page"),
                new AnonymousPageView(clock.instant(), "/page"), new AnonymousPageView(clock.instant(), "/products/1"));
    }

    @Test
    @DisplayName("a visitor who consented to other categories but not analytics stays anonymous")
    void otherConsentIsNotEnough() throws Exception {
        start(b -> b);
        Browser visitor = browser();
        visitor.get("/text");
        ConsentCookies.grant(visitor, "crumb", TestKeys.key(1), clock.instant(), Category.PREFERENCES, Category.MARKETING);
        visitor.get("/page");
        settled();
        assertThat(store.pageViews()).isEmpty();
        assertThat(store.anonymous()).hasSize(1);
    }

    @Test
    @DisplayName("bots, errors, redirects, assets, HEAD, prefetches, non-HTML and Crumb's own pages are not counted")
    void notCounted() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        Browser bot = new Browser(base).header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)");
        assertThat(bot.get("/page").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/missing").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/redirect").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/fake.js").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/text").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/crumb/me").statusCode()).isEqualTo(200);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(base.resolve("/page"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("User-Agent", BROWSER_UA).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        Browser prefetching = browser().header("Sec-Purpose", "prefetch");
        assertThat(prefetching.get("/page").statusCode()).isEqualTo(200);
        Browser mozPrefetch = browser().header("X-Moz", "prefetch");
        assertThat(mozPrefetch.get("/page").statusCode()).isEqualTo(200);

        visitor.get("/page");
        settled();

        assertThat(store.pageViews()).extracting(PageView::path).containsExactly("/page");
        assertThat(store.anonymous()).isEmpty();
        assertThat(filter.metrics().recorded()).isEqualTo(1);
    }

    @Test
    @DisplayName("an asynchronous page is counted once its async context completes")
    void asyncPage() throws Exception {
        start(b -> b);
        Browser visitor = consentingBrowser();
        HttpResponse<String> r = visitor.get("/async");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("async");
        Eventually.await("the async page view recorded", () -> filter.metrics().recorded() == 1);
        settled();
        assertThat(store.pageViews()).extracting(PageView::path).containsExactly("/async");
    }

    @Test
    @DisplayName("the path normaliser and extra bot patterns from the configuration apply")
    void configuredRules() throws Exception {
        start(b -> b.trackingPathNormaliser(p -> p.replaceAll("^/products/\\d+$", "/products/{id}"))
                .trackingBotPatterns(List.of("acme-watch")));
        Browser visitor = consentingBrowser();
        visitor.get("/products/123");
        visitor.get("/products/456");
        new Browser(base).header("User-Agent", "ACME-Watch/1.0").get("/page");
        settled();
        assertThat(store.pageViews()).extracting(PageView::path).containsExactly("/products/{id}", "/products/{id}");
    }

    @Test
    @DisplayName("with tracking off nothing is recorded and the metrics stay at zero")
    void trackingOff() throws Exception {
        start(b -> b.tracking(false));
        consentingBrowser().get("/page");
        assertThat(filter.metrics()).isEqualTo(TrackingMetrics.NONE);
        assertThat(store.pageViews()).isEmpty();
    }

    @Test
    @DisplayName("stopping the server writes the page views still buffered")
    void stopDrains() throws Exception {
        start(b -> b.trackingFlushInterval(Duration.ofMinutes(1)).trackingBatchSize(10_000));
        Browser visitor = consentingBrowser();
        for (int i = 0; i < 25; i++) {
            visitor.get("/page");
        }
        server.close();
        server = null;
        assertThat(store.pageViews()).hasSize(25);
        TrackingMetrics last = filter.metrics();
        assertThat(last.recorded()).as("final counts after destroy").isEqualTo(25);
        assertThat(last.written()).isEqualTo(25);
        assertThat(last.queued()).isZero();
    }
}
