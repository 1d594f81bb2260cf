package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.internal.email.UnsubscribeTokens;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Saved form data, email choices and cookie-blocking visitors, end to end over HTTP against a real
 * container and a real (embedded H2) store.
 */
abstract class FormsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_KEY = TestKeys.key(7);
    /** A contact form whose opt-in box was ticked. */
    private static final dev.crumb.OptInEvidence TICKED =
            dev.crumb.OptInEvidence.fromForm(Map.of("marketing", "on"), "contact", "marketing");

    private final List<ServerFixture> servers = new ArrayList<>();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final VisitorHasher hasher = new VisitorHasher(Base64.getUrlDecoder().decode(HASH_KEY));
    private CrumbStore store;
    private CrumbFilter filter;

    protected abstract ServerFixture newFixture();

    @BeforeEach
    void openStore() throws Exception {
        store = CrumbStores.h2(Files.createTempDirectory("crumb-forms"));
    }

    @AfterEach
    void stop() throws Exception {
        for (ServerFixture s : servers) {
            s.close();
        }
        store.close();
    }

    private URI start(UnaryOperator<CrumbConfig.Builder> configure) throws Exception {
        CrumbConfig config = configure.apply(CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(HASH_KEY).clock(clock)
                .store(store).countryHeader("CF-IPCountry").cookieRequiredPaths(List.of("/cart"))).build();
        ServerFixture fixture = newFixture();
        servers.add(fixture);
        filter = new CrumbFilter(config);
        return fixture.start(filter, FormPages.all());
    }

    private URI start() throws Exception {
        return start(b -> b);
    }

    /** An American visitor: preferences are on by default there. */
    private static Browser american(URI base) {
        return new Browser(base).header("Accept-Language", "en-US").header("CF-IPCountry", "US");
    }

    /** A German visitor: nothing optional until they choose. */
    private static Browser european(URI base) {
        return new Browser(base).header("Accept-Language", "de-DE");
    }

    private static Map<String, String> post(Browser browser, String path, Map<String, String> form) throws Exception {
        HttpResponse<String> r = browser.post(path, form);
        assertThat(r.statusCode()).isEqualTo(200);
        return TestPages.parseEcho(r.body());
    }

    private static Map<String, String> prefill(Browser browser) throws Exception {
        return TestPages.parseEcho(browser.get("/prefill").body());
    }

    private static void choose(Browser browser, String action) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("action", action, "return", "/home"));
        form.put("csrf", browser.get("/csrf").body());
        assertThat(browser.post("/crumb/consent", form).statusCode()).isEqualTo(303);
    }

    private static final Map<String, String> CONTACT = Map.of("name", "Ada Lovelace", "email", "ada@example.com",
            "street", "12 St James's Square", "city", "London", "postcode", "SW1Y 4JH",
            "message", "Please call me about the C5 copier", "phone", "4111 1111 1111 1111");

    // --- Saved form data ------------------------------------------------------------------------------

    @Test
    @DisplayName("with preferences consent the allow-listed fields are saved and pre-fill the next form")
    void savesAndPrefills() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        Map<String, String> result = post(browser, "/contact", CONTACT);
        assertThat(result.get("status")).isEqualTo("PARTLY_SAVED");
        assertThat(result).containsEntry("skipped.message", "NOT_ALLOWED").containsEntry("skipped.phone", "LOOKS_LIKE_CARD_NUMBER");
        assertThat(prefill(browser)).containsEntry("field.name", "Ada Lovelace").containsEntry("field.postcode", "SW1Y 4JH")
                .doesNotContainKey("field.message").doesNotContainKey("field.phone");
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        assertThat(me.get("savedForm").get("city").asText()).isEqualTo("London");
        assertThat(me.get("savedForm").has("message")).isFalse();
    }

    @Test
    @DisplayName("without preferences consent nothing is saved and the application is told why")
    void noConsentNoSave() throws Exception {
        Browser browser = european(start());
        browser.get("/home");
        Map<String, String> result = post(browser, "/contact", Map.of("name", "Ada"));
        assertThat(result).containsEntry("status", "NOT_SAVED").containsEntry("skipped.name", "NO_CONSENT");
        assertThat(prefill(browser)).doesNotContainKey("field.name");
        choose(browser, "accept-all");
        assertThat(post(browser, "/contact", Map.of("name", "Ada"))).containsEntry("status", "SAVED");
        assertThat(prefill(browser)).containsEntry("field.name", "Ada");
    }

    @Test
    @DisplayName("a form that reports an age under 13 saves nothing")
    void child() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        assertThat(post(browser, "/contact", Map.of("name", "Tim", "age", "11"))).containsEntry("status", "NOT_SAVED")
                .containsEntry("skipped.name", "UNDER_13");
        assertThat(prefill(browser)).doesNotContainKey("field.name");
    }

    @Test
    @DisplayName("too much data is saved partly, with the reason, and the cookie stays within 4096 bytes")
    void tooMuch() throws Exception {
        Map<String, Integer> big = new java.util.LinkedHashMap<>();
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            big.put("f" + i, 500);
            form.put("f" + i, String.valueOf((char) ('a' + i)).repeat(400));
        }
        Browser browser = american(start(b -> b.savedFormFields(big)));
        browser.get("/home");
        HttpResponse<String> r = browser.post("/contact", form);
        Map<String, String> result = TestPages.parseEcho(r.body());
        assertThat(result.get("status")).isEqualTo("PARTLY_SAVED");
        assertThat(result.values()).contains("COOKIE_FULL");
        String header = Browser.setCookie(r, "crumb");
        assertThat(("Set-Cookie: " + header).length()).isLessThanOrEqualTo(4096);
        assertThat(prefill(browser).keySet().stream().filter(k -> k.startsWith("field.")).count()).isBetween(1L, 9L);
    }

    @Test
    @DisplayName("withdrawing preferences alone erases saved form data")
    void withdrawPreferences() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        post(browser, "/contact", Map.of("name", "Ada"));
        Map<String, String> form = new HashMap<>(Map.of("action", "save", "analytics", "on", "return", "/home"));
        form.put("csrf", browser.get("/csrf").body());
        assertThat(browser.post("/crumb/consent", form).statusCode()).isEqualTo(303);
        choose(browser, "accept-all");
        assertThat(prefill(browser)).doesNotContainKey("field.name");
    }

    @Test
    @DisplayName("forget erases saved data, issues a new visitor ID and records a withdrawal under the old one")
    void forget() throws Exception {
        Browser browser = american(start());
        String oldId = TestPages.parseEcho(browser.get("/page").body()).get("id");
        post(browser, "/contact", Map.of("name", "Ada"));
        HttpResponse<String> r = browser.post("/crumb/forget", Map.of("csrf", browser.get("/csrf").body()));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/crumb/me");
        String newId = TestPages.parseEcho(browser.get("/page").body()).get("id");
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(prefill(browser)).doesNotContainKey("field.name");
        List<ConsentRecord> proof = store.consentLog().history(hasher.visitorKey(oldId), 10);
        assertThat(proof.get(0).source()).isEqualTo(ConsentSource.WITHDRAWAL);
        assertThat(proof.get(0).granted()).containsExactly(Category.NECESSARY);
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        assertThat(me.get("consent").get("analytics").asBoolean()).isFalse();
        assertThat(me.get("savedForm").size()).isZero();
    }

    @Test
    @DisplayName("forget without a valid CSRF token is refused and changes nothing")
    void forgetNeedsCsrf() throws Exception {
        Browser browser = american(start());
        String id = TestPages.parseEcho(browser.get("/page").body()).get("id");
        assertThat(browser.post("/crumb/forget", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(TestPages.parseEcho(browser.get("/page").body()).get("id")).isEqualTo(id);
    }

    @Test
    @DisplayName("the me page shows saved details escaped, and the forget form")
    void mePage() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        post(browser, "/contact", Map.of("name", "<script>alert(1)</script>"));
        String page = browser.get("/crumb/me").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .contains("action=\"/crumb/forget\"");
    }

    // --- Email choices --------------------------------------------------------------------------------

    @Test
    @DisplayName("a ticked opt-in makes the address eligible; an unticked or reply-only form records nothing")
    void optIn() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        post(browser, "/contact", Map.of("email", "quiet@example.com"));
        assertThat(filter.emails().mayEmail("quiet@example.com")).isFalse();
        post(browser, "/contact", Map.of("email", "Keen@Example.com ", "marketing", "on"));
        assertThat(filter.emails().mayEmail("keen@example.com")).isTrue();
    }

    @Test
    @DisplayName("optIn keeps the policy itself: nothing without a ticked box, nothing under 13, a clear result each time")
    void optInKeepsThePolicy() throws Exception {
        Browser browser = american(start());
        browser.get("/home");
        assertThat(post(browser, "/contact", Map.of("email", "quiet@example.com"))).containsEntry("optIn", "NOT_TICKED");
        assertThat(post(browser, "/contact", Map.of("email", "kid@example.com", "marketing", "on", "age", "12")))
                .containsEntry("optIn", "UNDER_13");
        assertThat(post(browser, "/contact", Map.of("email", "not an address", "marketing", "on")))
                .containsEntry("optIn", "NOT_AN_ADDRESS");
        assertThat(post(browser, "/contact", Map.of("email", "teen@example.com", "marketing", "on", "age", "13")))
                .containsEntry("optIn", "RECORDED");
        assertThat(filter.emails().mayEmail("kid@example.com")).isFalse();
        assertThat(filter.emails().mayEmail("quiet@example.com")).isFalse();
        assertThat(filter.emails().mayEmail("teen@example.com")).isTrue();
        assertThat(filter.emails().optIn("x@example.com",
                dev.crumb.OptInEvidence.fromForm(Map.of("marketing", "off"), "contact", "marketing")))
                .isEqualTo(dev.crumb.OptInResult.NOT_TICKED);
    }

    @Test
    @DisplayName("an unsubscribe link shows a confirmation on GET and suppresses only on POST")
    void unsubscribeLink() throws Exception {
        URI base = start();
        filter.emails().optIn("keen@example.com", TICKED);
        String link = filter.emails().unsubscribeLink("keen@example.com");
        Browser mail = new Browser(base);
        HttpResponse<String> get = mail.get(link);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).doesNotContain("keen@example.com");
        assertThat(filter.emails().mayEmail("keen@example.com")).isTrue();
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> post = mail.post("/crumb/unsubscribe", Map.of("token", token));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("keen@example.com")).isFalse();
        clock.advance(java.time.Duration.ofDays(1));
        filter.emails().optIn("keen@example.com", TICKED);
        assertThat(filter.emails().mayEmail("keen@example.com")).as("eligible again after opting in again").isTrue();
    }

    @Test
    @DisplayName("a one-click unsubscribe POST from a mail provider (RFC 8058) works without a CSRF token")
    void oneClick() throws Exception {
        URI base = start();
        filter.emails().optIn("keen@example.com", TICKED);
        String link = filter.emails().unsubscribeLink("keen@example.com");
        HttpResponse<String> r = new Browser(base).post(link, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("keen@example.com")).isFalse();
    }

    @Test
    @DisplayName("a posted address changes nothing, and the answer is the same for known and unknown addresses")
    void unsubscribeForm() throws Exception {
        URI base = start();
        filter.emails().optIn("keen@example.com", TICKED);
        Browser a = new Browser(base);
        a.get("/home");
        HttpResponse<String> known = a.post("/crumb/unsubscribe", Map.of("email", "keen@example.com", "csrf", a.get("/csrf").body()));
        HttpResponse<String> unknown = a.post("/crumb/unsubscribe", Map.of("email", "nobody@example.com", "csrf", a.get("/csrf").body()));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body()).doesNotContain("keen@example.com");
        assertThat(filter.emails().mayEmail("keen@example.com")).as("only the signed link unsubscribes").isTrue();
    }

    @Test
    @DisplayName("a forged link token is refused and changes nothing")
    void unsubscribeForgeries() throws Exception {
        URI base = start();
        filter.emails().optIn("keen@example.com", TICKED);
        Browser a = new Browser(base);
        a.get("/home");
        String forged = new UnsubscribeTokens(new byte[32]).issue(hasher.addressKey("keen@example.com"));
        assertThat(a.post("/crumb/unsubscribe", Map.of("token", forged)).statusCode()).isEqualTo(400);
        assertThat(filter.emails().mayEmail("keen@example.com")).isTrue();
    }

    // --- Visitors who block cookies -------------------------------------------------------------------

    @Test
    @DisplayName("a visitor who blocks cookies browses ordinary pages with no redirect")
    void blockedBrowsesOrdinaryPages() throws Exception {
        Browser blocked = american(start()).blockingCookies();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = blocked.get("/home");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("home ok");
        }
    }

    @Test
    @DisplayName("a visitor who blocks cookies can still send a form from this site, but a cross-site POST is refused")
    void blockedVisitorSendsForms() throws Exception {
        URI base = start();
        String origin = base.toString();
        Browser blocked = american(base).blockingCookies();
        String token = blocked.get("/csrf").body();
        Map<String, String> form = Map.of("country", "DE", "language", "de", "csrf", token, "return", "/home");
        assertThat(blocked.post("/crumb/locale", form).statusCode()).as("no proof of origin").isEqualTo(403);
        Browser fromThisSite = american(base).blockingCookies().header("Origin", origin);
        assertThat(fromThisSite.post("/crumb/locale", form).statusCode()).isEqualTo(303);
        Browser fetchMetadata = american(base).blockingCookies().header("Sec-Fetch-Site", "same-origin");
        assertThat(fetchMetadata.post("/crumb/locale", form).statusCode()).isEqualTo(303);
        Browser crossSite = american(base).blockingCookies().header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.post("/crumb/locale", form).statusCode()).isEqualTo(403);
        Browser lookAlike = american(base).blockingCookies().header("Origin", origin + ".evil.example");
        assertThat(lookAlike.post("/crumb/locale", form).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a visitor with a cookie needs a token of their own, even on a same-origin request")
    void cookieHolderNeedsOwnToken() throws Exception {
        URI base = start();
        Browser other = american(base).blockingCookies();
        String someoneElsesToken = other.get("/csrf").body();
        Browser victim = american(base).header("Origin", base.toString());
        victim.get("/home");
        assertThat(victim.post("/crumb/forget", Map.of("csrf", someoneElsesToken)).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("the probe redirect keeps non-Latin-1 query characters, percent-encoded as UTF-8 (issue 17)")
    void probeKeepsUnicodeQuery() throws Exception {
        URI base = start();
        // "q=Zürich€" and "€" again percent-encoded, the raw part sent as UTF-8 bytes (one char per byte here).
        String rawUtf8 = new String("q=Zürich€&r=%E2%82%AC".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        dev.crumb.testsupport.RawHttp.Response r = dev.crumb.testsupport.RawHttp.get(base, "/cart?" + rawUtf8);
        if (r.status() == 400) {
            return; // Tomcat refuses raw non-ASCII bytes in the request target itself: no redirect to keep
        }
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.all("Location")).singleElement().satisfies(location ->
                assertThat(location).endsWith("/cart?q=Z%C3%BCrich%E2%82%AC&r=%E2%82%AC&crumb_probe=1"));
    }

    @Test
    @DisplayName("a cookie-needing page probes once, then explains — never a loop")
    void blockedGetsExplanation() throws Exception {
        URI base = start();
        Browser blocked = american(base).blockingCookies();
        HttpResponse<String> first = blocked.get("/cart?item=7");
        assertThat(first.statusCode()).isEqualTo(302);
        String probe = first.headers().firstValue("Location").orElseThrow();
        assertThat(probe).endsWith("/cart?item=7&crumb_probe=1");
        HttpResponse<String> second = blocked.get(probe.replace(base.toString(), ""));
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.body()).contains("id=\"crumb-cookies-required\"").contains("href=\"/\"").doesNotContain("cart ok");
        assertThat(blocked.get(probe.replace(base.toString(), "")).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a visitor with cookies passes the probe once and then uses the page normally")
    void cookiesPassProbe() throws Exception {
        URI base = start();
        Browser browser = american(base);
        HttpResponse<String> first = browser.get("/cart");
        assertThat(first.statusCode()).isEqualTo(302);
        HttpResponse<String> second = browser.get(first.headers().firstValue("Location").orElseThrow().replace(base.toString(), ""));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("cart ok cookiesEnabled=YES");
        assertThat(browser.get("/cart").body()).contains("cart ok");
    }

    @Test
    @DisplayName("a POST to a cookie-needing page without a cookie is explained, not redirected")
    void postWithoutCookie() throws Exception {
        Browser blocked = american(start()).blockingCookies();
        HttpResponse<String> r = blocked.post("/cart", Map.of("item", "7"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("crumb-cookies-required");
    }

    @Test
    @DisplayName("links are never rewritten with a session ID, even for a visitor who blocks cookies")
    void noSessionIdsInUrls() throws Exception {
        Browser blocked = american(start()).blockingCookies();
        HttpResponse<String> r = blocked.get("/session-link");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/products\"").contains("href=\"/cart\"").doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    @DisplayName("the cookie-needing pattern matches the path and below it, not look-alikes")
    void patternBoundaries() throws Exception {
        Browser blocked = american(start()).blockingCookies();
        assertThat(blocked.get("/cart/items").statusCode()).isEqualTo(302);
        assertThat(blocked.get("/home").statusCode()).isEqualTo(200);
    }
}
