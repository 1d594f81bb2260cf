package dev.crumb.example.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example WAR, unmodified, in a standalone container at {@code /sample}: what the README promises,
 * over HTTP. The tests run in order on one container: cookies and consent, the links and returns of a
 * context path, an async servlet, a cookie-blocking visitor's form, a second application beside it, a
 * redeploy, and last SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeploymentContract {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern VISITOR_ID = Pattern.compile("\"visitorId\"\\s*:\\s*\"([^\"]+)\"");

    private Container container;
    private URI base;

    abstract Container create() throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        container = create();
        container.deploy(Path.of(System.getProperty("crumb.example.war")), "sample");
        container.start();
        base = container.uri("/");
        awaitStatus("/sample/", 200, Duration.ofSeconds(120));
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the visitor cookie is HttpOnly, SameSite=Lax, at the context path; addCookie of optional categories is held back")
    void cookieAttributes() throws Exception {
        HttpResponse<String> r = new Browser(base).get("/sample/");
        assertThat(r.statusCode()).isEqualTo(200);
        String crumb = Browser.setCookie(r, "crumb");
        assertThat(crumb).contains("; Path=/sample").contains("; HttpOnly").contains("; SameSite=Lax")
                .doesNotContain("Path=/;");
        assertThat(Browser.setCookie(r, "theme")).as("preference cookie before consent").isNull();
        assertThat(Browser.setCookie(r, "ad_id")).as("marketing cookie before consent").isNull();
        assertThat(r.body()).contains("href=\"/sample/crumb/consent?return=%2Fsample%2F\"");
    }

    @Test
    @Order(2)
    @DisplayName("accepting lets the application's cookies through and returns into the application; refusing deletes them at the context path")
    void consentEnforcement() throws Exception {
        Browser browser = new Browser(base);
        String token = csrf(browser.get("/sample/contact").body());
        HttpResponse<String> accepted = browser.post("/sample/crumb/consent", Map.of("csrf", token, "action", "accept-all"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        // Back into the application, at the confirmation of the choice (docs/accessibility.md).
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/sample/#crumb-saved");
        HttpResponse<String> page = browser.get("/sample/");
        assertThat(Browser.setCookie(page, "theme")).isNotNull();
        assertThat(Browser.setCookie(page, "ad_id")).isNotNull();

        HttpResponse<String> refused = browser.post("/sample/crumb/consent", Map.of("csrf", token, "action", "reject-all",
                "return", "/sample/articles/x"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/sample/articles/x#crumb-saved");
        assertThat(Browser.setCookies(refused)).anySatisfy(h -> assertThat(h).startsWith("ad_id=;").contains("Max-Age=0")
                .contains("Path=/sample"));
        assertThat(Browser.setCookie(browser.get("/sample/"), "ad_id")).isNull();
    }

    @Test
    @Order(3)
    @DisplayName("the consent decision is in the store, and the /crumb/me page links within the application")
    void storeWritten() throws Exception {
        Browser browser = new Browser(base);
        String token = csrf(browser.get("/sample/contact").body());
        assertThat(browser.post("/sample/crumb/consent", Map.of("csrf", token, "action", "accept-all")).statusCode())
                .isEqualTo(303);
        String me = browser.get("/sample/crumb/me.json").body();
        assertThat(me).contains("\"consentLogAvailable\":true").contains("\"source\":\"banner\"");
        assertThat(browser.get("/sample/crumb/me").body()).contains("href=\"/sample/crumb/me.json\"")
                .contains("href=\"/sample/crumb/consent?return=").contains("action=\"/sample/crumb/forget\"");
    }

    @Test
    @Order(4)
    @DisplayName("an asynchronous servlet behind Crumb answers 200")
    void asyncServlet() throws Exception {
        HttpResponse<String> r = new Browser(base).get("/sample/async");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("answered asynchronously");
    }

    @Test
    @Order(5)
    @DisplayName("a visitor who blocks cookies sends the application's own form with Crumb.csrfToken")
    void cookielessForm() throws Exception {
        Browser blocking = new Browser(base).blockingCookies().header("Origin", "http://127.0.0.1:" + container.port);
        String token = csrf(blocking.get("/sample/contact").body());
        HttpResponse<String> r = blocking.post("/sample/contact", Map.of("csrf", token, "name", "Ada"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Thank you");
        // A cross-site post of the same token is refused.
        Browser forged = new Browser(base).blockingCookies().header("Origin", "https://evil.example");
        assertThat(forged.post("/sample/contact", Map.of("csrf", token, "name", "Ada")).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    @DisplayName("two Crumb applications in one container keep their own cookies: 4 requests, 2 visitor IDs")
    void twoApplications() throws Exception {
        container.deploy(Path.of(System.getProperty("crumb.example.war")), "other");
        awaitStatus("/other/", 200, Duration.ofSeconds(90));
        PathCookieJar jar = new PathCookieJar();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String app = i % 2 == 0 ? "/sample" : "/other";
            ids.add(jar.visitorId(base, app));
        }
        assertThat(ids).hasSize(2);
        container.undeploy("other");
        awaitStatus("/other/", 404, Duration.ofSeconds(90));
    }

    @Test
    @Order(7)
    @DisplayName("a redeploy serves again, keeps the store, and logs no error or leak")
    void redeploy() throws Exception {
        Map<Path, Long> logged = container.logMark();
        int started = count(container.log(), "Crumb started");
        container.touch("sample");
        int storesOpened = count(container.log(), "Crumb store ready");
        // The old context stops and the new one starts (Jetty starts the new one first: Crumb then waits for
        // the H2 file in the background); once the new store is open, consent is recorded again.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean redeployed = false;
        while (!redeployed && System.nanoTime() < deadline) {
            Thread.sleep(500);
            String log = container.log();
            redeployed = count(log, "Crumb started") > started && count(log, "Crumb store ready") > storesOpened
                    && recordsConsent();
        }
        assertThat(redeployed).as("Crumb started again and records consent").isTrue();
        Thread.sleep(2_000); // leak checks run right after the old context stopped
        assertThat(container.troubleIn(container.logSince(logged)))
                .as("errors or leak warnings in the container's log during the redeploy").isEmpty();
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    @Order(8)
    @DisplayName("SIGTERM with page views in the buffer: none lost")
    void sigterm() throws Exception {
        Browser firefox = new Browser(base).header("User-Agent", FIREFOX);
        int views = 5;
        for (int i = 0; i < views; i++) {
            assertThat(firefox.get("/sample/articles/sigterm-" + i).statusCode()).isEqualTo(200);
        }
        Map<Path, Long> logged = container.logMark();
        container.sigterm();
        assertThat(container.troubleIn(container.logSince(logged))).as("errors or leak warnings while stopping").isEmpty();
        try (CrumbStore store = CrumbStores.jdbc("jdbc:h2:" + container.base.resolve("crumb-data/crumb"), "crumb", "")) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            AnalyticsSummary summary = store.analytics().summary(today.minusDays(1), today.plusDays(1));
            // Every other request of these tests came from Java's HTTP client, which counts as a bot.
            assertThat(summary.pageviews() + summary.anonymousPageviews()).isEqualTo(views);
        }
    }

    private boolean recordsConsent() {
        try {
            Browser browser = new Browser(base);
            String token = csrf(browser.get("/sample/contact").body());
            return browser.post("/sample/crumb/consent", Map.of("csrf", token, "action", "accept-all")).statusCode() == 303;
        } catch (Exception | AssertionError notYet) {
            return false;
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in " + html).isTrue();
        return m.group(1);
    }

    private void awaitStatus(String path, int status, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!container.running()) {
                throw new AssertionError(container.name() + " exited:\n" + container.log());
            }
            try {
                last = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == status) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", within " + timeout + ":\n"
                + container.log());
    }

    /** The part of a browser's cookie jar that matters here: cookies kept by name and path, sent by path prefix. */
    private static final class PathCookieJar {
        private final Map<String, String> cookies = new LinkedHashMap<>(); // "path|name" -> value
        private final HttpClient http = HttpClient.newHttpClient();

        String visitorId(URI base, String app) throws Exception {
            StringBuilder header = new StringBuilder();
            cookies.forEach((key, value) -> {
                String path = key.substring(0, key.indexOf('|'));
                if (app.equals(path) || app.startsWith(path.endsWith("/") ? path : path + "/") || "/".equals(path)) {
                    header.append(header.length() == 0 ? "" : "; ").append(key.substring(key.indexOf('|') + 1))
                            .append('=').append(value);
                }
            });
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(app + "/crumb/me.json"));
            if (header.length() > 0) {
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : r.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                Matcher path = Pattern.compile("(?i);\\s*Path=([^;]+)").matcher(setCookie);
                String cookiePath = path.find() ? path.group(1).trim() : app;
                cookies.put(cookiePath + "|" + pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            Matcher id = VISITOR_ID.matcher(r.body());
            assertThat(id.find()).as(r.body()).isTrue();
            return id.group(1);
        }
    }
}
