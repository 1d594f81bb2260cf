package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.NonCanonicalCookies;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The visitor cookie, end to end over HTTP against a real container. Subclasses choose the container,
 * so the same specification holds on Jetty and on Tomcat.
 */
abstract class VisitorCookieContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ServerFixture> servers = new ArrayList<>();
    protected final MutableClock clock = MutableClock.atDefaultStart();

    protected abstract ServerFixture newFixture();

    @AfterEach
    void stopServers() throws Exception {
        for (ServerFixture s : servers) {
            s.close();
        }
    }

    protected URI start(UnaryOperator<CrumbConfig.Builder> configure) throws Exception {
        CrumbConfig config = configure.apply(CrumbConfig.builder().keys(TestKeys.key(1)).clock(clock)).build();
        ServerFixture fixture = newFixture();
        servers.add(fixture);
        return fixture.start(new CrumbFilter(config), TestPages.standard());
    }

    protected URI start() throws Exception {
        return start(b -> b);
    }

    private static Map<String, String> echo(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return TestPages.parseEcho(r.body());
    }

    private static long thirteenMonthsFrom(java.time.Instant start) {
        return Duration.between(start, start.atOffset(java.time.ZoneOffset.UTC).plusMonths(13)).toSeconds();
    }

    private static long maxAge(String header) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; Max-Age=(\\d+)").matcher(header);
        assertThat(m.find()).as(header).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    @DisplayName("the cookie expires 13 months after the first visit: a later refresh counts down to the same moment")
    void fixedLifetime() throws Exception {
        Browser browser = new Browser(start());
        long first = maxAge(Browser.setCookie(browser.get("/page"), "crumb"));
        assertThat(first).isEqualTo(thirteenMonthsFrom(clock.instant()));
        clock.advance(Duration.ofDays(40));
        String refreshed = Browser.setCookie(browser.get("/page"), "crumb");
        assertThat(refreshed).as("a new visit re-sends the cookie").isNotNull();
        assertThat(maxAge(refreshed)).isEqualTo(first - Duration.ofDays(40).toSeconds());
    }

    @Test
    @DisplayName("a cookie arriving after its fixed lifetime (cookie-max-age) starts a new visitor")
    void expiredCookieStartsOver() throws Exception {
        Browser browser = new Browser(start(b -> b.cookieMaxAge(java.time.Period.ofDays(30))));
        Map<String, String> before = echo(browser.get("/page"));
        clock.advance(Duration.ofDays(29));
        assertThat(echo(browser.get("/page")).get("id")).isEqualTo(before.get("id"));
        clock.advance(Duration.ofDays(2));
        Map<String, String> after = echo(browser.get("/page"));
        assertThat(after.get("id")).isNotEqualTo(before.get("id"));
        assertThat(after.get("visit")).isEqualTo("1");
    }

    @Test
    @DisplayName("a first visit gets an encrypted cookie with HttpOnly, SameSite=Lax, Path=/ and Max-Age")
    void firstVisitGetsCookie() throws Exception {
        Browser browser = new Browser(start());
        HttpResponse<String> r = browser.get("/page");

        String header = Browser.setCookie(r, "crumb");
        assertThat(header).isNotNull();
        assertThat(header).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/")
                .contains("; Max-Age=" + thirteenMonthsFrom(clock.instant())).doesNotContain("Secure");
        Map<String, String> v = echo(r);
        assertThat(v.get("visit")).isEqualTo("1");
        assertThat(v.get("returning")).isEqualTo("false");
        assertThat(v.get("id")).matches("[A-Za-z0-9_-]{22}");
        assertThat(browser.cookie("crumb")).doesNotContain(v.get("id")).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    @DisplayName("the cookie value reveals nothing in plain text")
    void cookieRevealsNothing() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "de-DE");
        Map<String, String> v = echo(browser.get("/page"));
        String value = browser.cookie("crumb");
        String[] parts = value.split("\\.");
        assertThat(parts).hasSize(5);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[3]), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(payload).doesNotContain(v.get("id")).doesNotContain("DE").doesNotContain("\"de\"");
        String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"dir\"").contains("\"enc\":\"A256GCM\"").contains("\"kid\"");
    }

    @Test
    @DisplayName("a returning request within the refresh interval keeps the visitor and is not re-sent the cookie")
    void returnWithinRefresh() throws Exception {
        Browser browser = new Browser(start());
        String id = echo(browser.get("/page")).get("id");
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> again = browser.get("/page");
        assertThat(echo(again).get("id")).isEqualTo(id);
        assertThat(Browser.setCookie(again, "crumb")).isNull();
    }

    @Test
    @DisplayName("the last-seen time is refreshed, and the cookie re-sent, once the refresh interval has passed")
    void refreshAfterInterval() throws Exception {
        Browser browser = new Browser(start());
        browser.get("/page");
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> r = browser.get("/page");
        assertThat(Browser.setCookie(r, "crumb")).isNotNull();
        assertThat(echo(r).get("visit")).isEqualTo("1");
    }

    @Test
    @DisplayName("inactivity longer than the visit timeout starts a new visit and makes the visitor returning")
    void visitsSplitByTimeout() throws Exception {
        Browser browser = new Browser(start(b -> b.visitTimeout(Duration.ofMinutes(30))));
        String id = echo(browser.get("/page")).get("id");
        clock.advance(Duration.ofMinutes(29));
        assertThat(echo(browser.get("/page")).get("visit")).isEqualTo("1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(echo(browser.get("/page")).get("visit")).isEqualTo("1");
        clock.advance(Duration.ofMinutes(31));
        Map<String, String> v = echo(browser.get("/page"));
        assertThat(v.get("visit")).isEqualTo("2");
        assertThat(v.get("returning")).isEqualTo("true");
        assertThat(v.get("newVisit")).isEqualTo("true");
        assertThat(v.get("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("a tampered cookie starts a new visitor, with a 200 and a fresh cookie")
    void tamperedCookie() throws Exception {
        Browser browser = new Browser(start());
        String id = echo(browser.get("/page")).get("id");
        String value = browser.cookie("crumb");
        char last = value.charAt(value.length() - 5);
        browser.setCookie("crumb", value.substring(0, value.length() - 5) + (last == 'A' ? 'B' : 'A') + value.substring(value.length() - 4));
        HttpResponse<String> r = browser.get("/page");
        assertThat(echo(r).get("id")).isNotEqualTo(id);
        assertThat(Browser.setCookie(r, "crumb")).isNotNull();
    }

    @Test
    @DisplayName("garbage, truncated and unsecured cookies all mean a new visitor, never an error")
    void garbageCookies() throws Exception {
        URI base = start();
        String valid;
        {
            Browser b = new Browser(base);
            b.get("/page");
            valid = b.cookie("crumb");
        }
        String unsecured = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\"}".getBytes()) + ".";
        for (String hostile : List.of("garbage", valid.substring(0, valid.length() / 2), unsecured, "a.b.c.d.e",
                "x".repeat(3900), "....", "%00%0d%0a")) {
            Browser b = new Browser(base);
            b.setCookie("crumb", hostile);
            HttpResponse<String> r = b.get("/page");
            assertThat(r.statusCode()).as("status for %s", hostile).isEqualTo(200);
            assertThat(echo(r).get("visit")).isEqualTo("1");
            assertThat(Browser.setCookie(r, "crumb")).isNotNull();
        }
    }

    @Test
    @DisplayName("another spelling of a valid cookie (key part, padding, unused bits, sixth part) starts a new visitor")
    void nonCanonicalCookies() throws Exception {
        URI base = start();
        Browser first = new Browser(base);
        String id = echo(first.get("/page")).get("id");
        String valid = first.cookie("crumb");
        for (Map.Entry<String, String> variant : NonCanonicalCookies.of(valid).entrySet()) {
            Browser b = new Browser(base);
            b.setCookie("crumb", variant.getValue());
            HttpResponse<String> r = b.get("/page");
            assertThat(r.statusCode()).as(variant.getKey()).isEqualTo(200);
            Map<String, String> v = TestPages.parseEcho(r.body());
            assertThat(v.get("id")).as(variant.getKey()).isNotEqualTo(id);
            assertThat(v.get("visit")).as(variant.getKey()).isEqualTo("1");
            assertThat(Browser.setCookie(r, "crumb")).as(variant.getKey()).isNotNull();
        }
        Browser same = new Browser(base);
        same.setCookie("crumb", valid);
        assertThat(echo(same.get("/page")).get("id")).as("the canonical cookie itself").isEqualTo(id);
    }

    @Test
    @DisplayName("of two crumb cookies the one that decrypts is used, never a 400")
    void twoCookiesOneValid() throws Exception {
        URI base = start();
        Browser browser = new Browser(base);
        String id = echo(browser.get("/page")).get("id");
        String valid = browser.cookie("crumb");
        // A stale copy from another path comes first, the valid one second.
        HttpResponse<String> r = new Browser(base).header("Cookie", "crumb=stale-copy; crumb=" + valid).get("/page");
        assertThat(echo(r).get("id")).isEqualTo(id);
        HttpResponse<String> reversed = new Browser(base).header("Cookie", "crumb=" + valid + "; crumb=stale-copy").get("/page");
        assertThat(echo(reversed).get("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("a cookie sealed with an older key that is still accepted is re-sealed with the current key")
    void rotation() throws Exception {
        URI oldServer = start(b -> b.keys(TestKeys.key(1)));
        Browser browser = new Browser(oldServer);
        String id = echo(browser.get("/page")).get("id");
        String sealedWithOld = browser.cookie("crumb");

        URI rotated = start(b -> b.keys(TestKeys.key(2), TestKeys.key(1)));
        Browser after = new Browser(rotated);
        after.setCookie("crumb", sealedWithOld);
        HttpResponse<String> r = after.get("/page");
        assertThat(echo(r).get("id")).isEqualTo(id);
        assertThat(Browser.setCookie(r, "crumb")).isNotNull();
        assertThat(kid(after.cookie("crumb"))).isNotEqualTo(kid(sealedWithOld));

        URI onlyNew = start(b -> b.keys(TestKeys.key(2)));
        Browser later = new Browser(onlyNew);
        later.setCookie("crumb", after.cookie("crumb"));
        assertThat(echo(later.get("/page")).get("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("retiring a key makes its cookies invalid: the visitor starts anew")
    void retirement() throws Exception {
        Browser browser = new Browser(start(b -> b.keys(TestKeys.key(1))));
        String id = echo(browser.get("/page")).get("id");
        String old = browser.cookie("crumb");
        Browser after = new Browser(start(b -> b.keys(TestKeys.key(2))));
        after.setCookie("crumb", old);
        assertThat(echo(after.get("/page")).get("id")).isNotEqualTo(id);
    }

    @Test
    @DisplayName("two servers that share only the keys see one visitor and one visit, without sticky sessions")
    void twoServersShareOnlyKeys() throws Exception {
        URI a = start();
        URI b = start();
        Browser onA = new Browser(a);
        Map<String, String> first = echo(onA.get("/page"));
        Browser onB = new Browser(b);
        onB.setCookie("crumb", onA.cookie("crumb"));
        clock.advance(Duration.ofMinutes(10));
        Map<String, String> second = echo(onB.get("/page"));
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("visit")).isEqualTo("1");
        onA.setCookie("crumb", onB.cookie("crumb"));
        clock.advance(Duration.ofMinutes(25));
        assertThat(echo(onA.get("/page")).get("visit")).isEqualTo("1");
        clock.advance(Duration.ofMinutes(45));
        onB.setCookie("crumb", onA.cookie("crumb"));
        assertThat(echo(onB.get("/page")).get("visit")).isEqualTo("2");
    }

    @Test
    @DisplayName("a __Host- cookie is always Secure, Path=/, without Domain, and is read back under that name")
    void hostPrefix() throws Exception {
        Browser browser = new Browser(start(b -> b.hostPrefix(true).partitioned(true)));
        HttpResponse<String> r = browser.get("/page");
        String header = Browser.setCookie(r, "__Host-crumb");
        assertThat(header).contains("; Secure").contains("; Path=/").contains("; Partitioned").doesNotContain("Domain");
        String id = echo(r).get("id");
        assertThat(echo(browser.get("/page")).get("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("a configured Domain is sent for sites that share the cookie with subdomains")
    void domain() throws Exception {
        HttpResponse<String> r = new Browser(start(b -> b.domain("example.com").alwaysSecure(true))).get("/page");
        assertThat(Browser.setCookie(r, "crumb")).contains("; Domain=example.com").contains("; Secure");
    }

    @Test
    @DisplayName("Accept-Language de-DE gives language de and country DE")
    void acceptLanguage() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
        Map<String, String> v = echo(browser.get("/page"));
        assertThat(v.get("language")).isEqualTo("de");
        assertThat(v.get("country")).isEqualTo("DE");
    }

    @Test
    @DisplayName("the cookie is added even when the application streams a large body and flushes early")
    void cookieBeforeCommit() throws Exception {
        Browser browser = new Browser(start());
        HttpResponse<String> r = browser.get("/stream");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("streamed content line 4999");
        assertThat(Browser.setCookie(r, "crumb")).isNotNull();
    }

    @Test
    @DisplayName("/crumb/me.json shows what the cookie says about this visitor")
    void meJson() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "fr-CA");
        Map<String, String> v = echo(browser.get("/page"));
        HttpResponse<String> r = browser.get("/crumb/me.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode me = JSON.readTree(r.body());
        assertThat(me.get("visitorId").asText()).isEqualTo(v.get("id"));
        assertThat(me.get("country").asText()).isEqualTo("CA");
        assertThat(me.get("language").asText()).isEqualTo("fr");
        assertThat(me.get("visit").asInt()).isEqualTo(1);
        assertThat(me.get("returning").asBoolean()).isFalse();
        assertThat(me.get("firstSeen").asText()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    @DisplayName("/crumb/me is the same information as a readable HTML page")
    void mePage() throws Exception {
        Browser browser = new Browser(start());
        Map<String, String> v = echo(browser.get("/page"));
        HttpResponse<String> r = browser.get("/crumb/me");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains(v.get("id")).contains("<table>").contains("visit number");
    }

    @Test
    @DisplayName("a locale choice with a valid CSRF token wins over Accept-Language and redirects same-origin")
    void explicitLocale() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "en-US");
        String token = browser.get("/csrf").body();
        HttpResponse<String> r = browser.post("/crumb/locale",
                Map.of("country", "de", "language", "DE", "csrf", token, "return", "/page?x=1"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/page?x=1"));
        Map<String, String> v = echo(browser.get("/page"));
        assertThat(v.get("country")).isEqualTo("DE");
        assertThat(v.get("language")).isEqualTo("de");
    }

    @Test
    @DisplayName("a locale choice without a valid CSRF token is refused with 403 and changes nothing")
    void localeWithoutCsrf() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "en-US");
        browser.get("/page");
        HttpResponse<String> r = browser.post("/crumb/locale", Map.of("country", "DE", "language", "de", "csrf", "forged"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(echo(browser.get("/page")).get("country")).isEqualTo("US");
    }

    @Test
    @DisplayName("invalid country or language values are refused with 400, never echoed")
    void invalidLocale() throws Exception {
        Browser browser = new Browser(start());
        String token = browser.get("/csrf").body();
        HttpResponse<String> r = browser.post("/crumb/locale",
                Map.of("country", "<script>", "language", "xx\r\nSet-Cookie: a=b", "csrf", token));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("<script>");
        assertThat(Browser.setCookie(r, "a")).isNull();
    }

    @Test
    @DisplayName("unknown paths under /crumb answer 404, wrong methods 405")
    void unknownEndpoints() throws Exception {
        Browser browser = new Browser(start());
        assertThat(browser.get("/crumb/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> r = browser.get("/crumb/locale");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    private static String kid(String jwe) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwe.split("\\.")[0]), java.nio.charset.StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
