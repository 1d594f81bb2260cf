package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.Category;
import dev.crumb.ConsentDefaultMetrics;
import dev.crumb.ConsentSource;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.ConsentRecord;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ConsentPages;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.SwitchableStore;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consent, end to end over HTTP against a real container: region defaults, browser signals, the
 * consent page and banner, enforcement on every way an application can set a cookie, and the proof in
 * the consent log. Subclasses choose the container.
 */
abstract class ConsentContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_KEY = TestKeys.key(9);
    /** The trusted country header of these tests, as a CDN such as Cloudflare sets it. */
    static final String COUNTRY_HEADER = "CF-IPCountry";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final List<ServerFixture> servers = new ArrayList<>();
    /** The filter of the server started last. */
    protected CrumbFilter filter;
    protected final MutableClock clock = MutableClock.atDefaultStart();
    protected final SwitchableStore store = new SwitchableStore(CrumbStores.inMemory());
    private final VisitorHasher hasher = new VisitorHasher(Base64.getUrlDecoder().decode(HASH_KEY));

    protected abstract ServerFixture newFixture();

    @AfterEach
    void stopServers() throws Exception {
        for (ServerFixture s : servers) {
            s.close();
        }
        store.close();
    }

    protected URI start(UnaryOperator<CrumbConfig.Builder> configure) throws Exception {
        CrumbConfig config = configure.apply(CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(HASH_KEY).clock(clock)
                .store(store).countryHeader(COUNTRY_HEADER)
                .cookieCategory("recently_viewed", Category.PREFERENCES)
                .cookieCategory("_ga*", Category.ANALYTICS)
                .cookieCategory("cart", Category.PREFERENCES, "/shop")).build();
        ServerFixture fixture = newFixture();
        servers.add(fixture);
        filter = new CrumbFilter(config);
        return fixture.start(filter, ConsentPages.all());
    }

    protected URI start() throws Exception {
        return start(b -> b);
    }

    /** A visitor in Germany, as the CDN's trusted header says, with a German browser. */
    private static Browser european(URI base) {
        return new Browser(base).header("Accept-Language", "de-DE,de;q=0.9").header(COUNTRY_HEADER, "DE");
    }

    /** A visitor in the US, as the CDN's trusted header says. */
    private static Browser american(URI base) {
        return new Browser(base).header("Accept-Language", "en-US,en;q=0.8").header(COUNTRY_HEADER, "US");
    }

    private static Map<String, String> echo(Browser browser) throws Exception {
        HttpResponse<String> r = browser.get("/page");
        assertThat(r.statusCode()).isEqualTo(200);
        return TestPages.parseEcho(r.body());
    }

    private static HttpResponse<String> choose(Browser browser, Map<String, String> fields) throws Exception {
        Map<String, String> form = new HashMap<>(fields);
        form.putIfAbsent("csrf", browser.get("/csrf").body());
        return browser.post("/crumb/consent", form);
    }

    private static HttpResponse<String> acceptAll(Browser browser) throws Exception {
        HttpResponse<String> r = choose(browser, Map.of("action", "accept-all", "return", "/page"));
        assertThat(r.statusCode()).isEqualTo(303);
        return r;
    }

    /** The visitor's log as stored, after /crumb/me.json (which waits for the defaults it shows) was asked. */
    private List<ConsentRecord> log(Browser browser) throws Exception {
        String id = JSON.readTree(browser.get("/crumb/me.json").body()).get("visitorId").asText();
        return store.consentLog().history(hasher.visitorKey(id), 100);
    }

    private static String location(HttpResponse<String> r, URI base) {
        String l = r.headers().firstValue("Location").orElseThrow();
        return l.startsWith(base.toString()) ? l.substring(base.toString().length()) : l;
    }

    private static Map<String, String> consentOf(Map<String, String> echo) {
        Map<String, String> c = new HashMap<>();
        echo.forEach((k, v) -> {
            if (k.startsWith("consent")) {
                c.put(k, v);
            }
        });
        return c;
    }

    // --- Region defaults and browser signals ---------------------------------------------------------

    @Test
    @DisplayName("a visitor from the EU starts with every optional category off and is asked")
    void europeanDefaults() throws Exception {
        Map<String, String> v = echo(european(start()));
        assertThat(v).containsEntry("country", "DE").containsEntry("consentNeeded", "true")
                .containsEntry("consent.necessary", "true").containsEntry("consent.preferences", "false")
                .containsEntry("consent.analytics", "false").containsEntry("consent.marketing", "false");
    }

    @Test
    @DisplayName("a visitor from the US starts with preferences and analytics on, marketing off, and is asked")
    void americanDefaults() throws Exception {
        Map<String, String> v = echo(american(start()));
        assertThat(v).containsEntry("country", "US").containsEntry("consentNeeded", "true")
                .containsEntry("consent.preferences", "true").containsEntry("consent.analytics", "true")
                .containsEntry("consent.marketing", "false");
    }

    @Test
    @DisplayName("the trusted country header decides the region over Accept-Language")
    void countryHeaderDecidesRegion() throws Exception {
        URI base = start(b -> b.countryHeader("CF-IPCountry"));
        Map<String, String> v = echo(american(base).header("CF-IPCountry", "FR"));
        assertThat(v).containsEntry("country", "FR").containsEntry("consent.analytics", "false");
    }

    @Test
    @DisplayName("a visitor in Germany whose browser speaks en-US gets the opt-in rules, and the banner asks first")
    void englishBrowserInGermanyIsOptIn() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "en-US,en;q=0.8").header(COUNTRY_HEADER, "DE");
        assertThat(echo(browser)).containsEntry("consent.preferences", "false").containsEntry("consent.analytics", "false")
                .containsEntry("consentNeeded", "true");
        assertThat(browser.get("/banner").body()).contains("only if you agree").doesNotContain("on by default");
    }

    @Test
    @DisplayName("without the trusted header Accept-Language never decides consent: en-US alone is opt-in")
    void acceptLanguageNeverDecidesRegion() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "en-US,en;q=0.8");
        assertThat(echo(browser)).containsEntry("country", "US").containsEntry("consent.analytics", "false")
                .containsEntry("consent.preferences", "false");
        Browser noHeaderConfigured = new Browser(start(b -> b.countryHeader(null))).header("Accept-Language", "en-US")
                .header(COUNTRY_HEADER, "US");
        assertThat(echo(noHeaderConfigured)).containsEntry("consent.analytics", "false");
    }

    @Test
    @DisplayName("a country the visitor chose explicitly decides the region over the header")
    void chosenCountryDecidesRegion() throws Exception {
        Browser browser = european(start());
        HttpResponse<String> r = browser.post("/crumb/locale", Map.of("country", "US", "language", "en",
                "csrf", browser.get("/csrf").body(), "return", "/page"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(echo(browser)).containsEntry("country", "US").containsEntry("consent.analytics", "true");
    }

    @Test
    @DisplayName("where defaults are on, banner and consent page say so instead of 'only if you agree'")
    void textsFitDefaultsOn() throws Exception {
        Browser browser = american(start());
        String banner = browser.get("/banner").body();
        assertThat(banner).contains("on by default where you are").contains("You can reject them all")
                .doesNotContain("for preferences, analytics and marketing only if you agree");
        String page = browser.get("/crumb/consent").body();
        assertThat(page).contains("Preferences and analytics are on by default where you are")
                .doesNotContain("only used with your consent. You can change");
    }

    @Test
    @DisplayName("banner and consent page name the controller and link the privacy policy, escaped")
    void firstLayerNamesController() throws Exception {
        Browser browser = new Browser(start(b -> b.controllerName("Crumb & Co <Ltd>").privacyPolicyUrl("/privacy?x=1&y=2")))
                .header(COUNTRY_HEADER, "IE").header("Accept-Language", "en-IE");
        String expected = "This site is run by <strong>Crumb &amp; Co &lt;Ltd&gt;</strong>. "
                + "<a href=\"/privacy?x=1&amp;y=2\">Privacy policy</a>";
        assertThat(browser.get("/banner").body()).contains(expected);
        assertThat(browser.get("/crumb/consent").body()).contains(expected);
        Browser german = new Browser(start(b -> b.controllerName("Krümel GmbH")
                .privacyPolicyUrl("https://shop.example/datenschutz"))).header("Accept-Language", "de");
        assertThat(german.get("/banner").body()).contains("Diese Website wird betrieben von <strong>Krümel GmbH</strong>")
                .contains("<a href=\"https://shop.example/datenschutz\">Datenschutzerklärung</a>");
        assertThat(new Browser(start()).get("/banner").body()).doesNotContain("crumb-first-layer");
    }

    @Test
    @DisplayName("a visitor of unknown country (ZZ) gets the opt-in rules")
    void unknownCountryIsOptIn() throws Exception {
        Map<String, String> v = echo(new Browser(start()).header("Accept-Language", "en"));
        assertThat(v).containsEntry("country", "ZZ").containsEntry("consent.analytics", "false")
                .containsEntry("consent.preferences", "false");
    }

    @Test
    @DisplayName("Sec-GPC: 1 refuses every optional category, even where defaults are on, and needs no banner")
    void gpcRefuses() throws Exception {
        Browser browser = american(start()).header("Sec-GPC", "1");
        Map<String, String> v = echo(browser);
        assertThat(v).containsEntry("consent.preferences", "false").containsEntry("consent.analytics", "false")
                .containsEntry("consent.marketing", "false").containsEntry("consentNeeded", "false");
        assertThat(browser.get("/banner").body()).doesNotContain("crumb-banner");
    }

    @Test
    @DisplayName("an explicit choice wins over Sec-GPC")
    void explicitChoiceWinsOverGpc() throws Exception {
        Browser browser = american(start()).header("Sec-GPC", "1");
        choose(browser, Map.of("analytics", "on", "return", "/"));
        assertThat(echo(browser)).containsEntry("consent.analytics", "true").containsEntry("consent.preferences", "false");
    }

    @Test
    @DisplayName("a later Sec-GPC: 1 turns off marketing accepted earlier without it, and the consent page says so")
    void gpcBeatsEarlierAccept() throws Exception {
        Browser browser = american(start());
        acceptAll(browser);
        assertThat(echo(browser)).containsEntry("consent.marketing", "true");
        browser.header("Sec-GPC", "1");
        assertThat(echo(browser)).containsEntry("consent.marketing", "false").containsEntry("consent.analytics", "true")
                .containsEntry("consentNeeded", "false");
        assertThat(browser.get("/crumb/consent").body()).contains("id=\"crumb-gpc-conflict\"")
                .contains("Global Privacy Control");
        assertThat(browser.get("/set-cookie?via=addHeader&name=promo").headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("promo="));
    }

    @Test
    @DisplayName("opting in to marketing while sending Sec-GPC: 1 wins over the signal; the log records the signal")
    void optInWithSignalWins() throws Exception {
        Browser browser = american(start()).header("Sec-GPC", "1");
        acceptAll(browser);
        assertThat(echo(browser)).containsEntry("consent.marketing", "true");
        assertThat(browser.get("/crumb/consent").body()).doesNotContain("crumb-gpc-conflict");
        assertThat(log(browser)).first().satisfies(r -> {
            assertThat(r.source()).isEqualTo(ConsentSource.BANNER);
            assertThat(r.refusalSignal()).isTrue();
        });
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        assertThat(me.at("/consentLog/0/refusalSignal").asBoolean()).isTrue();
        Browser without = american(start());
        acceptAll(without);
        assertThat(log(without)).first().satisfies(r -> assertThat(r.refusalSignal()).isFalse());
    }

    @Test
    @DisplayName("a choice holds consent-max-age (6 months): then the banner asks again and the region defaults apply")
    void choiceLapses() throws Exception {
        Browser browser = american(start());
        acceptAll(browser);
        clock.advance(java.time.Duration.ofDays(180));
        assertThat(echo(browser)).containsEntry("consent.marketing", "true").containsEntry("consentNeeded", "false");
        clock.advance(java.time.Duration.ofDays(5));
        assertThat(echo(browser)).containsEntry("consent.marketing", "false").containsEntry("consent.analytics", "true")
                .containsEntry("consentNeeded", "true");
        assertThat(browser.get("/banner").body()).contains("crumb-banner");
        assertThat(log(browser)).first().satisfies(r -> {
            assertThat(r.source()).isEqualTo(ConsentSource.REGION_DEFAULT);
            assertThat(r.decidedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    @DisplayName("consent-max-age is configurable, up to 13 months")
    void consentMaxAgeConfigurable() throws Exception {
        Browser browser = european(start(b -> b.consentMaxAge(java.time.Period.ofMonths(1))));
        acceptAll(browser);
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        assertThat(me.at("/consent/decidedAt").asText()).isEqualTo(clock.instant().toString());
        clock.advance(java.time.Duration.ofDays(32));
        assertThat(echo(browser)).containsEntry("consentNeeded", "true").containsEntry("consent.analytics", "false");
    }

    @Test
    @DisplayName("DNT: 1 is ignored by default and refuses like GPC when honour-dnt is on")
    void dnt() throws Exception {
        assertThat(echo(american(start()).header("DNT", "1"))).containsEntry("consent.analytics", "true");
        assertThat(echo(american(start(b -> b.honourDnt(true))).header("DNT", "1")))
                .containsEntry("consent.analytics", "false").containsEntry("consentNeeded", "false");
    }

    @Test
    @DisplayName("/.well-known/gpc.json declares GPC support with the configured date")
    void gpcDeclaration() throws Exception {
        Browser browser = new Browser(start(b -> b.gpcLastUpdate(LocalDate.of(2026, 2, 14))));
        HttpResponse<String> r = browser.get("/.well-known/gpc.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"gpc\":true,\"lastUpdate\":\"2026-02-14\"}"));
        assertThat(r.body()).startsWith("{\"gpc\":true");
    }

    // --- Enforcement ---------------------------------------------------------------------------------

    static String[] ways() {
        return ConsentPages.WAYS;
    }

    @ParameterizedTest(name = "via {0}")
    @MethodSource("ways")
    @DisplayName("an unregistered (marketing) cookie never leaves the server without consent")
    void suppressedWithoutConsent(String via) throws Exception {
        Browser browser = american(start());
        HttpResponse<String> r = browser.get("/set-cookie?via=" + via);
        assertThat(r.statusCode()).isLessThan(500);
        assertThat(Browser.setCookie(r, "tracker")).isNull();
        assertThat(Browser.setCookie(r, "crumb")).as("Crumb's own cookie is never filtered").isNotNull();
    }

    @ParameterizedTest(name = "via {0}")
    @MethodSource("ways")
    @DisplayName("the same cookie goes out once the visitor consents to marketing")
    void allowedWithConsent(String via) throws Exception {
        Browser browser = european(start());
        acceptAll(browser);
        HttpResponse<String> r = browser.get("/set-cookie?via=" + via);
        assertThat(Browser.setCookie(r, "tracker")).contains("tracker=v1");
    }

    @Test
    @DisplayName("registered cookies follow their category: preferences and analytics by region default")
    void registeredCategories() throws Exception {
        URI base = start();
        Browser us = american(base);
        assertThat(Browser.setCookie(us.get("/set-cookie?via=addCookie&name=recently_viewed"), "recently_viewed")).isNotNull();
        assertThat(Browser.setCookie(us.get("/set-cookie?via=addHeader&name=_ga_XYZ"), "_ga_XYZ")).isNotNull();
        Browser eu = european(base);
        assertThat(Browser.setCookie(eu.get("/set-cookie?via=addCookie&name=recently_viewed"), "recently_viewed")).isNull();
        assertThat(Browser.setCookie(eu.get("/set-cookie?via=addHeader&name=_ga_XYZ"), "_ga_XYZ")).isNull();
    }

    @Test
    @DisplayName("the unregistered category is configurable")
    void unregisteredCategoryConfigurable() throws Exception {
        Browser us = american(start(b -> b.unregisteredCookieCategory(Category.ANALYTICS)));
        assertThat(Browser.setCookie(us.get("/set-cookie?via=addCookie"), "tracker")).isNotNull();
    }

    @Test
    @DisplayName("setHeader replaces the application's earlier cookies but keeps Crumb's own")
    void setHeaderReplaces() throws Exception {
        Browser browser = european(start(b -> b.unregisteredCookieCategory(Category.PREFERENCES)));
        acceptAll(browser);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> r = browser.get("/set-cookie?via=setHeaderAfterBodyStarts");
        assertThat(Browser.setCookie(r, "earlier")).isNull();
        assertThat(Browser.setCookie(r, "tracker")).isNotNull();
        assertThat(Browser.setCookie(r, "crumb")).isNotNull();

        Browser refusing = european(start(b -> b.unregisteredCookieCategory(Category.PREFERENCES)));
        HttpResponse<String> none = refusing.get("/set-cookie?via=setHeaderAfterBodyStarts");
        assertThat(Browser.setCookies(none)).noneMatch(h -> h.startsWith("earlier=") || h.startsWith("tracker="));
        assertThat(Browser.setCookie(none, "crumb")).isNotNull();
    }

    @Test
    @DisplayName("a cookie added after flushBuffer is never sent and nothing fails")
    void afterFlush() throws Exception {
        Browser browser = european(start());
        acceptAll(browser);
        HttpResponse<String> r = browser.get("/set-cookie?via=afterFlushBuffer");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Browser.setCookie(r, "tracker")).isNull();
    }

    @Test
    @DisplayName("a number as Set-Cookie is refused without consent; deleting a cookie always passes")
    void oddHeaders() throws Exception {
        Browser browser = european(start());
        assertThat(Browser.setCookies(browser.get("/set-cookie?via=intHeader"))).noneMatch(h -> h.equals("5"));
        assertThat(Browser.setCookie(browser.get("/set-cookie?via=delete"), "tracker")).contains("Max-Age=0");
    }

    @Test
    @DisplayName("a refused cookie passes only when browsers would delete it: last Max-Age wins, Max-Age beats Expires")
    void deletionReadAsBrowsersDo() throws Exception {
        Browser browser = european(start());
        assertThat(Browser.setCookie(browser.get("/set-cookie?via=lastMaxAgeStores"), "tracker")).isNull();
        assertThat(Browser.setCookie(browser.get("/set-cookie?via=maxAgeBeatsExpires"), "tracker")).isNull();
        assertThat(Browser.setCookie(browser.get("/set-cookie?via=oldExpires"), "tracker")).contains("1970");
    }

    // --- Signals for tag scripts -----------------------------------------------------------------------

    @Test
    @DisplayName("Crumb.allows and the Google Consent Mode v2 / Matomo snippets follow the server-side consent, with the nonce")
    void tagSignals() throws Exception {
        URI base = start();
        Browser us = american(base);
        String page = us.get("/tags?nonce=r4nd0mN0nce_123").body();
        assertThat(page).contains("<!--allows.analytics=true-->").contains("<!--allows.marketing=false-->")
                .contains("<!--allows.necessary=true-->")
                .contains("<script nonce=\"r4nd0mN0nce_123\">")
                .contains("gtag('consent','default',{\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
                        + "\"ad_personalization\":\"denied\",\"analytics_storage\":\"granted\"")
                .contains("_paq.push(['requireCookieConsent']);").contains("_paq.push(['setCookieConsentGiven']);")
                .doesNotContain("src=");
        String eu = european(base).get("/tags").body();
        assertThat(eu).contains("<!--allows.analytics=false-->").contains("\"analytics_storage\":\"denied\"")
                .contains("<script>\n").contains("_paq.push(['forgetCookieConsentGiven']);");
        acceptAll(us);
        assertThat(us.get("/tags").body()).contains("<!--allows.marketing=true-->").contains("\"ad_storage\":\"granted\"")
                .contains("gtag('set','ads_data_redaction',false)");
        assertThat(us.get("/tags?nonce=%22%3E%3Cscript%3E").body()).contains("<!--nonce refused-->")
                .doesNotContain("<script>\"");
    }

    // --- Choosing ------------------------------------------------------------------------------------

    @Test
    @DisplayName("accept-all with a valid token records the choice, redirects to return and hides the banner")
    void acceptAllRecorded() throws Exception {
        URI base = start(b -> b.policyRevision(3));
        Browser browser = european(base);
        HttpResponse<String> r = choose(browser, Map.of("action", "accept-all", "return", "/page?x=1"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r, base)).isEqualTo("/page?x=1#crumb-saved");
        assertThat(echo(browser)).containsEntry("consentNeeded", "false").containsEntry("consent.marketing", "true")
                .containsEntry("consent.analytics", "true").containsEntry("consent.preferences", "true");
        List<ConsentRecord> log = log(browser);
        assertThat(log).extracting(ConsentRecord::source).containsExactly(ConsentSource.BANNER);
        assertThat(log.get(0).policyRevision()).isEqualTo(3);
        assertThat(log.get(0).granted()).containsExactlyInAnyOrder(Category.values());
        assertThat(log.get(0).decidedAt()).isEqualTo(clock.instant());
        assertThat(browser.get("/banner").body()).doesNotContain("crumb-banner");
    }

    @Test
    @DisplayName("save takes the category fields: only those that are 'on'")
    void saveTakesFields() throws Exception {
        Browser browser = european(start());
        assertThat(choose(browser, Map.of("action", "save", "analytics", "on", "marketing", "yes")).statusCode()).isEqualTo(303);
        assertThat(echo(browser)).containsEntry("consent.analytics", "true").containsEntry("consent.marketing", "false")
                .containsEntry("consent.preferences", "false").containsEntry("consentNeeded", "false");
        assertThat(log(browser).get(0).granted()).containsExactlyInAnyOrder(Category.NECESSARY, Category.ANALYTICS);
    }

    @Test
    @DisplayName("reject-all after accepting is a withdrawal: recorded as such, and the refused cookies are deleted")
    void withdrawalDeletesCookies() throws Exception {
        Browser browser = european(start());
        acceptAll(browser);
        browser.setCookie("_ga_XYZ", "1");
        browser.setCookie("recently_viewed", "2");
        browser.setCookie("tracker", "3");
        browser.setCookie("cart", "4");
        browser.setCookie("JSESSIONID", "5");
        HttpResponse<String> r = choose(browser, Map.of("action", "reject-all"));
        assertThat(r.statusCode()).isEqualTo(303);
        List<String> headers = Browser.setCookies(r);
        for (String name : List.of("_ga_XYZ", "recently_viewed", "tracker")) {
            assertThat(headers).anySatisfy(h -> assertThat(h).startsWith(name + "=;").contains("Max-Age=0").contains("Path=/"));
        }
        assertThat(headers).anySatisfy(h -> assertThat(h).startsWith("cart=;").contains("Path=/shop"));
        assertThat(headers).noneMatch(h -> h.startsWith("JSESSIONID=") || h.startsWith("crumb=;"));
        assertThat(browser.cookie("_ga_XYZ")).isNull();
        assertThat(browser.cookie("JSESSIONID")).isEqualTo("5");
        assertThat(log(browser).get(0).source()).isEqualTo(ConsentSource.WITHDRAWAL);
        assertThat(echo(browser)).containsEntry("consent.analytics", "false").containsEntry("consentNeeded", "false");
    }

    @Test
    @DisplayName("without a valid CSRF token (missing, forged, another visitor's) the POST gets 403 and nothing changes")
    void csrf() throws Exception {
        URI base = start();
        Browser other = european(base);
        String othersToken = other.get("/csrf").body();
        Browser browser = european(base);
        echo(browser);
        for (Map<String, String> form : List.of(Map.of("action", "accept-all"),
                Map.of("action", "accept-all", "csrf", "forged"),
                Map.of("action", "accept-all", "csrf", othersToken))) {
            HttpResponse<String> r = browser.post("/crumb/consent", form);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("erneut");
        }
        assertThat(echo(browser)).containsEntry("consentNeeded", "true").containsEntry("consent.marketing", "false");
        assertThat(log(browser)).noneMatch(rec -> rec.source() == ConsentSource.BANNER);
    }

    @ParameterizedTest(name = "return=\"{0}\"")
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)",
            "%2F%2Fevil.example", "", "http:/evil.example"})
    @DisplayName("return targets that are not same-origin paths redirect to /")
    void unsafeReturn(String target) throws Exception {
        URI base = start();
        Browser browser = european(base);
        HttpResponse<String> r = choose(browser, Map.of("action", "reject-all", "return", target));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r, base)).isEqualTo("/#crumb-saved");
    }

    @Test
    @DisplayName("when the consent log fails the POST answers 503 and the cookie keeps the old choice")
    void storeFailure() throws Exception {
        Browser browser = european(start());
        String token = browser.get("/csrf").body();
        String before = browser.cookie("crumb");
        store.failConsentLog(true);
        HttpResponse<String> r = browser.post("/crumb/consent", Map.of("action", "accept-all", "csrf", token));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("nicht gespeichert");
        assertThat(Browser.setCookie(r, "crumb")).isNull();
        assertThat(browser.cookie("crumb")).isEqualTo(before);
        store.failConsentLog(false);
        assertThat(echo(browser)).containsEntry("consentNeeded", "true").containsEntry("consent.marketing", "false");
    }

    @Test
    @DisplayName("without a store, choices still work in the cookie and me.json shows an empty log")
    void withoutStore() throws Exception {
        CrumbConfig config = CrumbConfig.builder().keys(TestKeys.key(1)).clock(clock).build();
        ServerFixture fixture = newFixture();
        servers.add(fixture);
        Browser browser = european(fixture.start(new CrumbFilter(config), ConsentPages.all()));
        acceptAll(browser);
        assertThat(echo(browser)).containsEntry("consent.marketing", "true");
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        assertThat(me.get("consentLog")).isEmpty();
    }

    // --- Revisions and the log -----------------------------------------------------------------------

    @Test
    @DisplayName("a higher policy revision asks again, with region defaults until the visitor chooses")
    void newRevisionAsksAgain() throws Exception {
        Browser browser = european(start(b -> b.policyRevision(1)));
        acceptAll(browser);
        Browser later = european(start(b -> b.policyRevision(2)));
        later.setCookie("crumb", browser.cookie("crumb"));
        clock.advance(Duration.ofDays(3));
        assertThat(echo(later)).containsEntry("consentNeeded", "true").containsEntry("consent.marketing", "false")
                .containsEntry("consent.analytics", "false");
        assertThat(later.get("/banner").body()).contains("id=\"crumb-banner\"");
        choose(later, Map.of("action", "save", "preferences", "on"));
        assertThat(echo(later)).containsEntry("consentNeeded", "false").containsEntry("consent.preferences", "true");
        List<ConsentRecord> log = log(later);
        assertThat(log.get(0).policyRevision()).isEqualTo(2);
        assertThat(log).extracting(ConsentRecord::source)
                .containsExactly(ConsentSource.BANNER, ConsentSource.REGION_DEFAULT, ConsentSource.BANNER);
        assertThat(log).extracting(ConsentRecord::policyRevision).containsExactly(2, 2, 1);
    }

    @Test
    @DisplayName("the region default is logged once, when the browser first returns the cookie")
    void regionDefaultLoggedOnce() throws Exception {
        Browser browser = american(start());
        String id = echo(browser).get("id");
        assertThat(store.consentLog().history(hasher.visitorKey(id), 10)).isEmpty();
        echo(browser);
        echo(browser);
        clock.advance(Duration.ofMinutes(2));
        echo(browser);
        List<ConsentRecord> log = log(browser);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).source()).isEqualTo(ConsentSource.REGION_DEFAULT);
        assertThat(log.get(0).granted()).containsExactlyInAnyOrder(Category.NECESSARY, Category.PREFERENCES, Category.ANALYTICS);
    }

    @Test
    @DisplayName("a cookie replayed 50 times, as monitors and scrapers do, leaves one default record and one store write")
    void replayedCookieRecordsTheDefaultOnce() throws Exception {
        Browser browser = american(start());
        String id = echo(browser).get("id");
        String replayed = browser.cookie("crumb");
        for (int i = 0; i < 50; i++) {
            browser.setCookie("crumb", replayed);
            assertThat(browser.get("/page").statusCode()).isEqualTo(200);
        }
        Eventually.await("the default written", () -> filter.consentDefaultMetrics().recorded() == 1
                && filter.consentDefaultMetrics().queued() == 0);

        browser.setCookie("crumb", replayed);
        JsonNode log = JSON.readTree(browser.get("/crumb/me.json").body()).get("consentLog");
        assertThat(log).extracting(r -> r.get("source").asText()).containsExactly("region-default");
        assertThat(store.consentLog().history(hasher.visitorKey(id), 100)).hasSize(1);
        assertThat(filter.consentDefaultMetrics()).as("the replays after the first found it in memory")
                .isEqualTo(new ConsentDefaultMetrics(1, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("a recorded default reaches the cookie once, so a browser that keeps its cookie is not looked up again")
    void recordedDefaultReachesTheCookie() throws Exception {
        Browser browser = american(start());
        echo(browser);
        echo(browser);
        Eventually.await("the default written", () -> filter.consentDefaultMetrics().recorded() == 1);
        HttpResponse<String> next = browser.get("/page");
        assertThat(Browser.setCookie(next, "crumb")).as("the cookie now carries the recorded default").isNotNull();
        assertThat(Browser.setCookie(browser.get("/page"), "crumb")).as("and is not re-sent for it").isNull();
        assertThat(JSON.readTree(browser.get("/crumb/me.json").body()).get("consent").get("decidedAt").asText())
                .isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    @DisplayName("pages answer while the consent log hangs; the default is written once the store answers")
    void pagesDoNotWaitForTheStore() throws Exception {
        Browser browser = american(start());
        echo(browser);
        store.holdConsentLog();
        try {
            java.util.concurrent.CompletableFuture<Map<String, String>> pages =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            Map<String, String> last = null;
                            for (int i = 0; i < 5; i++) {
                                last = echo(browser);
                            }
                            return last;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertThat(pages.get(15, java.util.concurrent.TimeUnit.SECONDS)).as("answered while the store hangs")
                    .containsEntry("consent.analytics", "true");
            assertThat(filter.consentDefaultMetrics().recorded()).as("nothing written yet").isZero();
        } finally {
            store.releaseConsentLog();
        }
        Eventually.await("the default written after the store answers", () -> filter.consentDefaultMetrics().recorded() == 1);
        assertThat(log(browser)).extracting(ConsentRecord::source).containsExactly(ConsentSource.REGION_DEFAULT);
    }

    @Test
    @DisplayName("pages answer while the consent log fails; defaults pause for 30 s, then are recorded on the next page")
    void defaultsPauseAfterAStoreFailure() throws Exception {
        Browser browser = american(start());
        echo(browser);
        store.failConsentLog(true);
        assertThat(echo(browser)).containsEntry("consent.analytics", "true");
        Eventually.await("the failed write counted", () -> filter.consentDefaultMetrics().failedWrites() == 1);
        store.failConsentLog(false);
        echo(browser);
        clock.advance(Duration.ofSeconds(10));
        echo(browser);
        assertThat(filter.consentDefaultMetrics().recorded()).as("paused: not offered again yet").isZero();
        assertThat(filter.consentDefaultMetrics().failedWrites()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(21));
        echo(browser);
        Eventually.await("recorded after the pause", () -> filter.consentDefaultMetrics().recorded() == 1);
        assertThat(log(browser)).extracting(ConsentRecord::source).containsExactly(ConsentSource.REGION_DEFAULT);
    }

    @Test
    @DisplayName("a GPC refusal is logged once, with source GPC")
    void gpcLoggedOnce() throws Exception {
        Browser browser = american(start()).header("Sec-GPC", "1");
        echo(browser);
        echo(browser);
        echo(browser);
        List<ConsentRecord> log = log(browser);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).source()).isEqualTo(ConsentSource.GPC);
        assertThat(log.get(0).granted()).containsExactly(Category.NECESSARY);
    }

    @Test
    @DisplayName("/crumb/me.json shows the current consent and this visitor's log, newest first")
    void meJson() throws Exception {
        Browser browser = european(start(b -> b.policyRevision(2)));
        echo(browser);
        echo(browser);
        clock.advance(Duration.ofMinutes(1));
        choose(browser, Map.of("action", "save", "analytics", "on"));
        JsonNode me = JSON.readTree(browser.get("/crumb/me.json").body());
        JsonNode consent = me.get("consent");
        assertThat(consent.get("necessary").asBoolean()).isTrue();
        assertThat(consent.get("preferences").asBoolean()).isFalse();
        assertThat(consent.get("analytics").asBoolean()).isTrue();
        assertThat(consent.get("marketing").asBoolean()).isFalse();
        assertThat(consent.get("policyRevision").asInt()).isEqualTo(2);
        assertThat(consent.get("decidedAt").asText()).isEqualTo("2026-03-02T10:01:00Z");
        assertThat(consent.get("source").asText()).isEqualTo("banner");
        assertThat(consent.get("needed").asBoolean()).isFalse();
        JsonNode log = me.get("consentLog");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("source").asText()).isEqualTo("banner");
        assertThat(log.get(0).get("granted").toString()).isEqualTo("[\"necessary\",\"analytics\"]");
        assertThat(log.get(1).get("source").asText()).isEqualTo("region-default");
        assertThat(me.toString()).doesNotContain(hasher.visitorKey(me.get("visitorId").asText()));
    }

    @Test
    @DisplayName("/crumb/me shows the consent and its proof as a page")
    void mePage() throws Exception {
        Browser browser = european(start());
        acceptAll(browser);
        String page = browser.get("/crumb/me").body();
        // A German visitor: the page speaks German, with names rather than ids and dates as Germans write them.
        assertThat(page).contains("<html lang=\"de\">").contains("Ihre Einwilligung").contains("Nachweise Ihrer Einwilligung")
                .contains("Ihre Wahl im Banner").contains("Präferenzen, Statistik, Marketing").contains("02.03.2026, ")
                .doesNotContain("region-default").doesNotContain("2026-03-02T");
    }

    // --- Page and banner -----------------------------------------------------------------------------

    @Test
    @DisplayName("the consent page is accessible HTML with three equal choices and the current state")
    void consentPageEnglish() throws Exception {
        Browser browser = new Browser(start()).header("Accept-Language", "ja-JP");
        choose(browser, Map.of("action", "save", "analytics", "on"));
        HttpResponse<String> r = browser.get("/crumb/consent?return=/shop");
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("<html lang=\"en\">").contains("<fieldset>").contains("<legend>Optional data</legend>")
                .contains("<label for=\"crumb-analytics\">").contains("name=\"return\" value=\"/shop\"")
                .contains("value=\"accept-all\">Accept all</button>").contains("value=\"reject-all\">Reject all</button>")
                .contains("value=\"save\">Save my choice</button>").contains("You chose this on Mar 2, 2026.")
                .containsPattern("<link rel=\"stylesheet\" href=\"/crumb/crumb\\.[0-9a-f]{12}\\.css\">")
                .doesNotContain("<style");
        assertThat(page).containsPattern("id=\"crumb-analytics\" name=\"analytics\" value=\"on\" [^>]* checked>")
                .doesNotContainPattern("id=\"crumb-marketing\" name=\"marketing\" value=\"on\" [^>]* checked>");
        assertThat(page).doesNotContain("class=\"secondary\"");
    }

    @Test
    @DisplayName("library pages carry no inline style: a strict CSP and one immutable, content-hashed stylesheet")
    void stylesheetUnderStrictCsp() throws Exception {
        URI base = start();
        Browser browser = european(base);
        HttpResponse<String> page = browser.get("/crumb/consent");
        Matcher href = Pattern.compile("<link rel=\"stylesheet\" href=\"(/crumb/crumb\\.[0-9a-f]{12}\\.css)\">")
                .matcher(page.body());

        assertThat(page.body()).doesNotContain("<style").doesNotContain(" style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("style-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(href.find()).isTrue();
        HttpResponse<String> css = browser.get(href.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css.body()).contains(".crumb-banner").contains("outline:2px solid #1a4d8f");
        assertThat(css.headers().allValues("Set-Cookie")).as("the same bytes for everyone, no cookie").isEmpty();
    }

    @Test
    @DisplayName("the consent page speaks German and French by the visitor's language")
    void consentPageTranslated() throws Exception {
        URI base = start();
        String de = european(base).get("/crumb/consent").body();
        assertThat(de).contains("<html lang=\"de\">").contains("Alle ablehnen").contains("Alle akzeptieren")
                .contains("Auswahl speichern").contains("Voreinstellung für Ihre Region");
        String fr = new Browser(base).header("Accept-Language", "fr-FR").get("/crumb/consent").body();
        assertThat(fr).contains("<html lang=\"fr\">").contains("Tout refuser").contains("Tout accepter")
                .contains("Enregistrer mon choix");
    }

    @Test
    @DisplayName("the banner is shown until the visitor chooses, and its form works without JavaScript")
    void bannerUntilChosen() throws Exception {
        URI base = start();
        Browser browser = european(base);
        String page = browser.get("/banner?from=home").body();
        String call = between(page, "<!--call-->", "<!--/call-->");
        assertThat(call).contains("<section id=\"crumb-banner\"").contains("action=\"/crumb/consent\"")
                .contains("name=\"return\" value=\"/banner?from=home\"").contains("value=\"reject-all\"")
                .contains("value=\"accept-all\"").contains("href=\"/crumb/consent?return=%2Fbanner%3Ffrom%3Dhome\"");
        assertThat(between(page, "<!--attr-->", "<!--/attr-->")).contains("<section id=\"crumb-banner\"");
        assertThat(page).contains("<a class=\"crumb-consent-link\" href=\"/crumb/consent?return=%2Fbanner%3Ffrom%3Dhome\">"
                + "Cookie-Einstellungen</a>");
        Matcher m = CSRF_FIELD.matcher(call);
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = browser.post("/crumb/consent",
                Map.of("csrf", m.group(1), "action", "reject-all", "return", "/banner?from=home"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r, base)).isEqualTo("/banner?from=home#crumb-saved");
        String after = browser.get("/banner").body();
        // Just after the choice: no banner, only its confirmation, shown and focused by the #crumb-saved fragment.
        assertThat(between(after, "<!--call-->", "<!--/call-->")).doesNotContain("crumb-banner")
                .contains("<p id=\"crumb-saved\" class=\"crumb-saved\" role=\"status\" tabindex=\"-1\">Ihre Wahl wurde gespeichert.");
        assertThat(between(after, "<!--attr-->", "<!--/attr-->")).doesNotContain("crumb-banner");
        assertThat(after).contains("crumb-consent-link");
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = text.indexOf(to);
        assertThat(a).as("marker %s", from).isNotNegative();
        return text.substring(a + from.length(), b);
    }

    @Test
    @DisplayName("Visitor reports the effective consent: consents() and consentNeeded() follow the choice")
    void visitorApi() throws Exception {
        Browser browser = european(start());
        Map<String, String> before = consentOf(echo(browser));
        acceptAll(browser);
        Map<String, String> after = consentOf(echo(browser));
        assertThat(before).containsEntry("consentNeeded", "true");
        assertThat(after).containsEntry("consentNeeded", "false").containsEntry("consent.marketing", "true");
        assertThat(Set.copyOf(after.keySet())).isEqualTo(Set.copyOf(before.keySet()));
    }
}
