package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Analytics endpoints on Jetty 12: login, limits, parameters")
class AnalyticsEndpointsTest {

    static final String PASSWORD = "a long analyst passphrase";
    static final String HASH = AnalystPassword.hash(PASSWORD.toCharArray());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final CrumbStore store = CrumbStores.inMemory();
    private ServerFixture server;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    private void start(UnaryOperator<CrumbConfig.Builder> configure) throws Exception {
        CrumbConfig config = configure.apply(CrumbConfig.builder().keys(TestKeys.key(1)).clock(clock).store(store)
                .analystPasswordHash(HASH)).build();
        server = ServerFixture.jetty();
        base = server.start(new CrumbFilter(config), TrackingPages.servlets());
    }

    private Browser browser() {
        return new Browser(base).header("User-Agent", TrackingContract.BROWSER_UA);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> login(Browser b, String password) throws Exception {
        String token = csrf(b.get("/crumb/analytics/login"));
        return b.post("/crumb/analytics/login", Map.of("user", "analyst", "password", password, "csrf", token,
                "return", "/dashboard"));
    }

    @Test
    @DisplayName("without an analyst password hash the analytics endpoints answer 404")
    void offWithoutHash() throws Exception {
        server = ServerFixture.jetty();
        base = server.start(new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(1)).store(store).build()),
                TrackingPages.servlets());
        Browser b = browser().header("Authorization", basic("analyst", PASSWORD));
        assertThat(b.get("/crumb/analytics/summary").statusCode()).isEqualTo(404);
        assertThat(b.get("/crumb/analytics/login").statusCode()).isEqualTo(404);
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=false");
    }

    @Test
    @DisplayName("without a login the endpoints answer 401 with a Basic challenge")
    void refusesWithoutLogin() throws Exception {
        start(b -> b);
        for (String path : new String[] {"/crumb/analytics/summary", "/crumb/analytics/summary.csv",
                "/crumb/analytics/metrics"}) {
            HttpResponse<String> r = browser().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic realm=\"Crumb analytics\""));
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("unauthorized");
        }
        assertThat(browser().header("Authorization", basic("analyst", "wrong password!")).get("/crumb/analytics/summary")
                .statusCode()).isEqualTo(401);
        assertThat(browser().header("Authorization", basic("admin", PASSWORD)).get("/crumb/analytics/summary")
                .statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("HTTP Basic as 'analyst' gets the summary as JSON with exactly the summary's fields")
    void basicSummary() throws Exception {
        start(b -> b);
        HttpResponse<String> r = browser().header("Authorization", basic("analyst", PASSWORD))
                .get("/crumb/analytics/summary?from=2026-02-01&to=2026-02-03");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.fieldNames()).toIterable().containsExactly("from", "to", "visitors", "newVisitors",
                "returningVisitors", "visits", "pageviews", "anonymousPageviews", "bounceRate", "avgVisitSeconds", "days",
                "pages", "entryPages", "exitPages", "countries", "languages", "referrers");
        assertThat(json.get("from").asText()).isEqualTo("2026-02-01");
        assertThat(json.get("days")).hasSize(3);
        assertThat(json.get("days").get(0).fieldNames()).toIterable().containsExactly("date", "visitors", "visits",
                "pageviews");
    }

    @Test
    @DisplayName("without dates the summary covers the 30 days ending today (UTC)")
    void defaultRange() throws Exception {
        start(b -> b);
        JsonNode json = JSON.readTree(browser().header("Authorization", basic("analyst", PASSWORD))
                .get("/crumb/analytics/summary").body());
        assertThat(json.get("from").asText()).isEqualTo("2026-02-01");
        assertThat(json.get("to").asText()).isEqualTo("2026-03-02");
        assertThat(json.get("days")).hasSize(30);
    }

    @Test
    @DisplayName("the CSV export is an attachment in the documented layout")
    void csv() throws Exception {
        start(b -> b);
        HttpResponse<String> r = browser().header("Authorization", basic("analyst", PASSWORD))
                .get("/crumb/analytics/summary.csv?from=2026-03-01&to=2026-03-02");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("attachment").contains("2026-03-01"));
        assertThat(r.body()).startsWith("section,key,metric,value\r\nrange,,from,2026-03-01\r\n");
    }

    @Test
    @DisplayName("bad parameters answer 400 with a JSON error naming the parameter, never 500")
    void badParameters() throws Exception {
        start(b -> b.analyticsMaxRange(Duration.ofDays(366)));
        Browser analyst = browser().header("Authorization", basic("analyst", PASSWORD));
        String[][] cases = {
                {"from=2026-02-30", "from"}, {"to=yesterday", "to"}, {"from=2026-03-02&to=2026-03-01", "from"},
                {"from=2024-01-01&to=2026-01-01", "from"}, {"from=1999-12-31&to=2000-01-02", "from"},
                {"from=2026-01-01&to=2030-01-01", "to"}, {"from=%00", "from"}};
        for (String[] c : cases) {
            for (String endpoint : new String[] {"/crumb/analytics/summary?", "/crumb/analytics/summary.csv?"}) {
                HttpResponse<String> r = analyst.get(endpoint + c[0]);
                assertThat(r.statusCode()).as(endpoint + c[0]).isEqualTo(400);
                JsonNode json = JSON.readTree(r.body());
                assertThat(json.get("error").asText()).isEqualTo("bad_request");
                assertThat(json.get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
            }
        }
    }

    @Test
    @DisplayName("the login form sets a signed HttpOnly SameSite=Strict session cookie that opens the endpoints and Crumb.isAnalyst")
    void loginForm() throws Exception {
        start(b -> b);
        Browser b = browser();
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=false");

        HttpResponse<String> r = login(b, PASSWORD);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        String cookie = Browser.setCookie(r, "crumb_analyst");
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/")
                .contains("; Max-Age=" + Duration.ofHours(8).toSeconds());
        assertThat(cookie).doesNotContain(PASSWORD);
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=true");
        assertThat(b.get("/crumb/analytics/summary").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(b.get("/crumb/analytics/metrics").body()).fieldNames()).toIterable()
                .containsExactly("recorded", "written", "dropped", "failedWrites", "abandoned", "queued");
    }

    @Test
    @DisplayName("the session ends after its lifetime, on logout, and a forged cookie opens nothing")
    void sessionEnds() throws Exception {
        start(b -> b.analystSessionLifetime(Duration.ofMinutes(30)));
        Browser b = browser();
        login(b, PASSWORD);
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=true");
        clock.advance(Duration.ofMinutes(31));
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=false");
        assertThat(b.get("/crumb/analytics/summary").statusCode()).isEqualTo(401);

        login(b, PASSWORD);
        String token = csrf(b.get("/crumb/analytics/login"));
        HttpResponse<String> out = b.post("/crumb/analytics/logout", Map.of("csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(Browser.setCookie(out, "crumb_analyst")).contains("Max-Age=0");
        assertThat(b.get("/dashboard").body()).isEqualTo("analyst=false");

        Browser forger = browser();
        forger.setCookie("crumb_analyst", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[24]));
        assertThat(forger.get("/crumb/analytics/summary").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a login without a valid CSRF token is refused with 403 and checks no password")
    void loginNeedsCsrf() throws Exception {
        start(b -> b);
        Browser b = browser();
        b.get("/crumb/analytics/login");
        HttpResponse<String> r = b.post("/crumb/analytics/login", Map.of("user", "analyst", "password", PASSWORD,
                "csrf", "forged"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Browser.setCookie(r, "crumb_analyst")).isNull();
    }

    @Test
    @DisplayName("repeated wrong passwords are answered 429 with Retry-After, also for the right password, until the wait is over")
    void guessLimit() throws Exception {
        start(b -> b.analystFailuresPerAddress(3));
        Browser guesser = browser();
        assertThat(login(guesser, "wrong guess number 1").statusCode()).isEqualTo(403);
        assertThat(guesser.header("Authorization", basic("analyst", "wrong guess number 2"))
                .get("/crumb/analytics/summary").statusCode()).isEqualTo(401);
        assertThat(guesser.get("/crumb/analytics/summary").statusCode()).as("third wrong guess, the last of the allowance").isEqualTo(401);

        HttpResponse<String> limited = new Browser(base).header("User-Agent", TrackingContract.BROWSER_UA)
                .header("Authorization", basic("analyst", PASSWORD)).get("/crumb/analytics/summary");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(limited.body()).get("error").asText()).isEqualTo("too_many_attempts");
        HttpResponse<String> form = login(browser(), PASSWORD);
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(browser().header("Authorization", basic("analyst", PASSWORD)).get("/crumb/analytics/summary")
                .statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a login's return path must be on this site; anything else goes to the sign-in page")
    void sameOriginReturn() throws Exception {
        start(b -> b);
        Browser b = browser();
        String token = csrf(b.get("/crumb/analytics/login"));
        HttpResponse<String> r = b.post("/crumb/analytics/login", Map.of("user", "analyst", "password", PASSWORD,
                "csrf", token, "return", "https://evil.test/"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/crumb/analytics/login").doesNotContain("evil"));
    }
}
