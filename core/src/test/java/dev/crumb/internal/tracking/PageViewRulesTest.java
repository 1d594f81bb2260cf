package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("What counts as a page view")
class PageViewRulesTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    private final PageViewRules rules = new PageViewRules("/crumb", BotDetector.withExtraPatterns(List.of()));

    private static ServedRequest request(String method, String path, int status, String type, String... headers) {
        Map<String, String> h = new HashMap<>();
        h.put("user-agent", CHROME);
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return new ServedRequest(method, path, status, type, name -> h.get(name.toLowerCase()));
    }

    @Test
    @DisplayName("a browser's successful GET of an HTML page counts")
    void htmlPageCounts() {
        assertThat(rules.classify(request("GET", "/about", 200, "text/html;charset=UTF-8"))).isEqualTo(Verdict.PAGE_VIEW);
        assertThat(rules.classify(request("GET", "/", 203, "TEXT/HTML"))).isEqualTo(Verdict.PAGE_VIEW);
        assertThat(rules.classify(request("GET", "/index.html", 200, "text/html"))).isEqualTo(Verdict.PAGE_VIEW);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get"})
    @DisplayName("other methods than GET, HEAD included, do not count")
    void otherMethods(String method) {
        assertThat(rules.classify(request(method, "/about", 200, "text/html"))).isEqualTo(Verdict.NOT_GET);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {101, 204 - 100, 301, 302, 303, 304, 307, 400, 401, 404, 500, 503})
    @DisplayName("errors, redirects and not-modified do not count")
    void notSuccess(int status) {
        assertThat(rules.classify(request("GET", "/about", status, "text/html"))).isEqualTo(Verdict.NOT_SUCCESS);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"text/plain", "application/json", "image/png", "text/css", "application/javascript",
            "text/htmlx", ""})
    @DisplayName("responses that are not text/html do not count")
    void notHtml(String type) {
        assertThat(rules.classify(request("GET", "/about", 200, type))).isEqualTo(Verdict.NOT_HTML);
        assertThat(rules.classify(request("GET", "/about", 200, null))).isEqualTo(Verdict.NOT_HTML);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"text/html", "TEXT/HTML", " text/html ", "text/html ; charset=utf-8", "\ttext/Html;",
            "text/html;", "text/html;charset=x; q=1"})
    @DisplayName("text/html in any case, with spaces or parameters, is HTML")
    void htmlSpellings(String type) {
        assertThat(PageViewRules.isHtml(type)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"text/htm", "text /html", "text/html x", ";text/html", "application/xhtml+xml", " ", ";"})
    @DisplayName("anything else is not HTML")
    void notHtmlSpellings(String type) {
        assertThat(PageViewRules.isHtml(type)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/app.js", "/style.CSS", "/img/logo.png", "/favicon.ico", "/fonts/a.woff2", "/site.webmanifest",
            "/feed.rss", "/data.json"})
    @DisplayName("static assets do not count by their extension, even when served as HTML")
    void assets(String path) {
        assertThat(rules.classify(request("GET", path, 200, "text/html"))).isEqualTo(Verdict.ASSET);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/crumb", "/crumb/me", "/crumb/analytics/login"})
    @DisplayName("the library's own endpoints do not count")
    void crumbEndpoints(String path) {
        assertThat(rules.classify(request("GET", path, 200, "text/html"))).isEqualTo(Verdict.CRUMB_ENDPOINT);
        assertThat(rules.classify(request("GET", "/crumbs", 200, "text/html"))).isEqualTo(Verdict.PAGE_VIEW);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"Sec-Purpose, prefetch", "Sec-Purpose, prefetch;prerender", "Purpose, prefetch", "X-Purpose, preview",
            "X-Moz, prefetch"})
    @DisplayName("prefetches and prerenders do not count")
    void prefetch(String header, String value) {
        assertThat(rules.classify(request("GET", "/about", 200, "text/html", header, value))).isEqualTo(Verdict.PREFETCH);
    }

    @Test
    @DisplayName("bots do not count, and neither does a request without a user agent")
    void bots() {
        assertThat(rules.classify(request("GET", "/about", 200, "text/html", "User-Agent",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))).isEqualTo(Verdict.BOT);
        assertThat(rules.classify(new ServedRequest("GET", "/about", 200, "text/html", name -> null)))
                .isEqualTo(Verdict.BOT);
    }

    @Test
    @DisplayName("paths with dots but no asset extension still count")
    void dotsInPaths() {
        assertThat(rules.classify(request("GET", "/v1.2/guide", 200, "text/html"))).isEqualTo(Verdict.PAGE_VIEW);
        assertThat(rules.classify(request("GET", "/users/jane.doe", 200, "text/html"))).isEqualTo(Verdict.PAGE_VIEW);
        assertThat(rules.classify(request("GET", "/.well-known/x", 200, "text/html"))).isEqualTo(Verdict.PAGE_VIEW);
    }
}
