package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, over HTTP on Jetty: the analyst's endpoints need the analyst, guessing the password
 * is slowed down, and no visitor or foreign site can change another visitor's consent, erase their data
 * or unsubscribe their address. Time moves through {@link MutableClock}, never by sleeping.
 */
@DisplayName("Access control over HTTP: analyst login, guess limits, CSRF binding and expiry, other people's choices")
class AccessControlTest {

    private static final String PASSWORD = "access control passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.atDefaultStart();

    private static CrumbStore store;
    private static CrumbFilter filter;
    private static ServerFixture server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        store = CrumbStores.inMemory();
        filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(3)).clock(CLOCK).store(store)
                .analystPasswordHash(AnalystPassword.hash(PASSWORD.toCharArray()))
                .analystFailuresPerAddress(3).analystMaxLockout(Duration.ofMinutes(1)).build());
        server = ServerFixture.jetty();
        base = server.start(filter, FormPages.all());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        store.close();
    }

    @BeforeEach
    void laterEachTime() {
        // Each test starts well after the previous one's lock-outs and tokens.
        CLOCK.advance(Duration.ofDays(1));
    }

    private static Browser visitor() throws Exception {
        Browser b = new Browser(base);
        assertThat(b.get("/page").statusCode()).isEqualTo(200);
        return b;
    }

    private static String csrf(Browser b) throws Exception {
        return b.get("/csrf").body();
    }

    private static JsonNode me(Browser b) throws Exception {
        return JSON.readTree(b.get("/crumb/me.json").body());
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("analyst:" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the analytics API answers 401 without the analyst login, also to a visitor with a valid cookie")
    void analyticsNeedsTheAnalyst() throws Exception {
        Browser b = visitor();
        for (String path : new String[] {"/crumb/analytics/summary", "/crumb/analytics/summary.csv",
                "/crumb/analytics/metrics"}) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).doesNotContain("visitors\"").doesNotContain("recorded");
        }
        b.setCookie("crumb_analyst", b.cookie("crumb"));
        assertThat(b.get("/crumb/analytics/summary").statusCode()).as("a visitor cookie as analyst cookie").isEqualTo(401);
    }

    @Test
    @DisplayName("password guessing is limited: 429 with Retry-After, even for the right password while locked")
    void guessingIsLimited() throws Exception {
        Browser guesser = new Browser(base);
        for (int i = 0; i < 3; i++) { // three attempts in a row; the third starts the lock-out
            assertThat(guesser.header("Authorization", basic("guess number " + i)).get("/crumb/analytics/summary")
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = guesser.header("Authorization", basic("guess number 3")).get("/crumb/analytics/summary");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        HttpResponse<String> right = guesser.header("Authorization", basic(PASSWORD)).get("/crumb/analytics/summary");
        assertThat(right.statusCode()).as("the right password while locked out").isEqualTo(429);
        Browser form = visitor();
        HttpResponse<String> login = form.post("/crumb/analytics/login", Map.of("user", "analyst", "password", PASSWORD,
                "csrf", csrf(form)));
        assertThat(login.statusCode()).as("the login form shares the limit").isEqualTo(429);
        assertThat(login.headers().firstValue("Retry-After")).isPresent();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(guesser.header("Authorization", basic(PASSWORD)).get("/crumb/analytics/summary").statusCode())
                .as("after the lock-out").isEqualTo(200);
    }

    @Test
    @DisplayName("a CSRF token of one visitor is refused for another, on every form endpoint, and changes nothing")
    void csrfIsBoundToTheVisitor() throws Exception {
        Browser alice = visitor();
        Browser mallory = visitor();
        String alicesToken = csrf(alice);
        JsonNode before = me(mallory);
        Map<String, Map<String, String>> forms = Map.of(
                "/crumb/consent", Map.of("action", "accept-all"),
                "/crumb/forget", Map.of(),
                "/crumb/locale", Map.of("country", "FR", "language", "fr"),
                "/crumb/analytics/login", Map.of("user", "analyst", "password", PASSWORD));
        filter.emails().optIn("alice@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("optin", "on"), "test", "optin"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            Map<String, String> fields = new java.util.HashMap<>(form.getValue());
            fields.put("csrf", alicesToken);
            HttpResponse<String> r = mallory.post(form.getKey(), fields);
            assertThat(r.statusCode()).as(form.getKey()).isEqualTo(403);
            assertThat(Browser.setCookies(r)).as(form.getKey() + " sets no cookie").isEmpty();
        }
        assertThat(me(mallory)).as("Mallory's own state").isEqualTo(before);
        assertThat(me(alice).get("consentLog")).as("only Alice's region default, no choice made for her")
                .allSatisfy(record -> assertThat(record.get("source").asText()).isEqualTo("region-default"));
        assertThat(filter.emails().mayEmail("alice@example.com")).isTrue();
    }

    @Test
    @DisplayName("a CSRF token expires after two hours")
    void csrfExpires() throws Exception {
        Browser b = visitor();
        String token = csrf(b);
        CLOCK.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(b.post("/crumb/consent", Map.of("csrf", token, "action", "accept-all")).statusCode()).isEqualTo(403);
        assertThat(me(b).get("consent").get("analytics").asBoolean()).isFalse();
        String fresh = csrf(b);
        CLOCK.advance(Duration.ofHours(1).plusMinutes(59));
        assertThat(b.post("/crumb/consent", Map.of("csrf", fresh, "action", "accept-all")).statusCode()).isEqualTo(303);
        assertThat(me(b).get("consent").get("analytics").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a cross-site POST without the visitor's cookie cannot use a stolen token")
    void crossSitePostWithoutCookie() throws Exception {
        Browser victim = visitor();
        String token = csrf(victim);
        Browser foreignSite = new Browser(base).header("Origin", "https://evil.example");
        for (String path : new String[] {"/crumb/consent", "/crumb/forget", "/crumb/locale"}) {
            HttpResponse<String> r = foreignSite.post(path, Map.of("csrf", token, "action", "accept-all",
                    "country", "FR", "language", "fr", "email", "victim@example.com"));
            assertThat(r.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(me(victim).get("consentLog")).as("only the victim's region default")
                .allSatisfy(record -> assertThat(record.get("source").asText()).isEqualTo("region-default"));
        assertThat(me(victim).get("country").asText()).isNotEqualTo("FR");
    }

    @Test
    @DisplayName("an unsubscribe token works for its own address only, and a GET changes nothing")
    void unsubscribeTokensAreBoundToTheAddress() throws Exception {
        filter.emails().optIn("first@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("optin", "on"), "test", "optin"));
        filter.emails().optIn("second@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("optin", "on"), "test", "optin"));
        String first = token(filter.emails().unsubscribeLink("first@example.com"));
        String second = token(filter.emails().unsubscribeLink("second@example.com"));
        Browser mail = new Browser(base);
        String forged = second.substring(0, 22) + first.substring(22);
        HttpResponse<String> r = mail.post("/crumb/unsubscribe", Map.of("token", forged));
        assertThat(r.statusCode()).as("a forged token is a damaged link").isEqualTo(400);
        assertThat(filter.emails().mayEmail("second@example.com")).isTrue();
        assertThat(mail.get("/crumb/unsubscribe?token=" + first).statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("first@example.com")).as("GET only asks").isTrue();
        assertThat(mail.post("/crumb/unsubscribe", Map.of("token", first)).statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("first@example.com")).isFalse();
        assertThat(filter.emails().mayEmail("second@example.com")).as("the other address").isTrue();
    }

    @Test
    @DisplayName("library pages forbid framing by other sites and sniffing; cookies are HttpOnly with SameSite")
    void framingAndCookieFlags() throws Exception {
        Browser b = new Browser(base);
        HttpResponse<String> page = b.get("/crumb/consent");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("frame-ancestors 'self'").contains("default-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(Browser.setCookie(page, "crumb")).contains("HttpOnly").contains("SameSite=Lax");
        Browser analyst = visitor();
        HttpResponse<String> login = analyst.post("/crumb/analytics/login", Map.of("user", "analyst",
                "password", PASSWORD, "csrf", csrf(analyst)));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(Browser.setCookie(login, "crumb_analyst")).contains("HttpOnly").contains("SameSite=Strict");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
