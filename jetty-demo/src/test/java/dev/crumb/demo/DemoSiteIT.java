package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.RawHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The demo site, running in-process on a free port")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteIT {

    private RunningDemo demo;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        demo = RunningDemo.start(dataDir);
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    static Stream<String> pages() {
        return Stream.of("/", "/products", "/products/p200-laser-printer", "/products/st24-stapler", "/cart",
                "/account", "/contact", "/contact/thanks", "/support", "/support/thanks", "/privacy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @DisplayName("every page answers a visitor with a cookie 200 with UTF-8 HTML, the cookie settings link and a main landmark")
    void everyPageRenders(String path) throws Exception {
        Browser visitor = demo.browser();
        visitor.get("/");

        HttpResponse<String> response = visitor.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertIsUtf8Html(response);
        assertThat(response.body())
                .containsPattern("<a href=\"/crumb/consent\\?return=[^\"]+\">Cookie settings</a>")
                .contains("<a href=\"/crumb/unsubscribe\">")
                .contains("<main id=\"main\"")
                .contains("<nav class=\"site-nav\" aria-label=\"Main\">")
                .doesNotContain("%s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @DisplayName("every page answers a new visitor 2xx with the cookie settings link, or 3xx")
    void everyPageAnswersANewVisitor(String path) throws Exception {
        HttpResponse<String> response = demo.get(path);

        assertThat(response.statusCode()).isBetween(200, 399);
        if (response.statusCode() < 300) {
            assertThat(response.body()).containsPattern("<a href=\"/crumb/consent\\?return=[^\"]+\">Cookie settings</a>");
        } else {
            assertThat(path).as("only pages that need a cookie probe for it").isIn("/cart", "/account");
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).contains(path + "?crumb_probe=1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traced")
    @DisplayName("TRACE and TRACK answer 405 everywhere and echo no cookie or credentials (issue 17)")
    void traceIsRefused(String requestLine) throws Exception {
        RawHttp.Response r = RawHttp.send(demo.server().uri(), requestLine
                + "\r\nCookie: crumb=secret-visitor; crumb_analyst=secret-session"
                + "\r\nAuthorization: Basic YW5hbHlzdDpzZWNyZXQtcGFzc3dvcmQ=", new byte[0]);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.all("Allow")).isNotEmpty();
        assertThat(r.head() + r.body()).doesNotContain("secret-visitor").doesNotContain("secret-session")
                .doesNotContain("YW5hbHlzdDpzZWNyZXQtcGFzc3dvcmQ=");
    }

    static Stream<String> traced() {
        return Stream.of("TRACE / HTTP/1.1", "TRACE /products HTTP/1.1", "TRACE /contact HTTP/1.1",
                "TRACE /static/site.css HTTP/1.1", "TRACE /crumb/me HTTP/1.1", "TRACK / HTTP/1.1");
    }

    @Test
    @DisplayName("the dashboard sends whoever is not signed in to Crumb's analyst login, and back after it")
    void dashboardNeedsTheAnalyst() throws Exception {
        HttpResponse<String> response = demo.get("/analytics?from=2026-11-01&to=2026-11-28");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(
                "/crumb/analytics/login?return=%2Fanalytics%3Ffrom%3D2026-11-01%26to%3D2026-11-28");
    }

    @Test
    @DisplayName("an analyst signed in through Crumb's login form sees the dashboard with its chart")
    void dashboardForTheAnalyst() throws Exception {
        Browser analyst = demo.browser();
        HttpResponse<String> login = SitePages.submit(analyst, "/crumb/analytics/login?return=/analytics",
                "/crumb/analytics/login", Map.of("user", AnalystLogin.USER, "password", RunningDemo.ANALYST_PASSWORD,
                        "return", "/analytics"));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/analytics");
        HttpResponse<String> dashboard = analyst.get("/analytics");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Site analytics</h1>").contains("<svg class=\"chart\"")
                .contains("href=\"/crumb/analytics/summary.csv?from=").contains("action=\"/crumb/analytics/logout\"")
                .containsPattern("<a href=\"/crumb/consent\\?return=[^\"]+\">Cookie settings</a>");
    }

    static Stream<String> missingPages() {
        return Stream.of("/nothing-here", "/products/no-such-product", "/products/../etc/passwd",
                "/products/%3Cscript%3E", "/contact/elsewhere", "/static/missing.css", "/error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingPages")
    @DisplayName("an unknown path answers the site's own 404 page")
    void unknownPathsAnswerTheCustom404(String path) throws Exception {
        HttpResponse<String> response = demo.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertIsUtf8Html(response);
        assertThat(response.body()).contains("Page not found").contains("Cookie settings")
                .doesNotContain("<script>").doesNotContain("jetty", "Jetty");
    }

    @Test
    @DisplayName("the stylesheet is served as CSS")
    void stylesheet() throws Exception {
        HttpResponse<String> response = demo.get("/static/site.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(response.body()).contains(".site-header");
    }

    @Test
    @DisplayName("no page or form answers with a server error, whatever it is sent")
    void noServerErrors() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                demo.post("/contact", ""),
                demo.post("/contact", "name=%3Cb%3E&email=not-an-address&message="),
                demo.post("/support", "serial=%00%01"),
                demo.post("/cart", "action=explode&product=st24-stapler"),
                demo.post("/cart", "action=add&product=st24-stapler&quantity=1000000000000"),
                demo.post("/", "x=1"),
                demo.post("/privacy", ""),
                demo.get("/analytics?from=yesterday&to=%3Cscript%3E"),
                demo.post("/crumb/locale", "country=XX&language=tlh"),
                demo.post("/crumb/consent", "action=accept-all"),
                demo.get("/products/p200-laser-printer", "recently_viewed=<script>alert(1)</script>"),
                demo.get("/products/p200-laser-printer", "recently_viewed=" + "a.".repeat(500)));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isLessThan(500));
    }

    @Test
    @DisplayName("a new visitor sees Crumb's banner until choosing, and not after")
    void banner() throws Exception {
        Browser visitor = demo.browser();
        assertThat(visitor.get("/").body()).contains("id=\"crumb-banner\"");

        HttpResponse<String> choice = SitePages.choose(visitor, "reject-all");

        assertThat(choice.statusCode()).isEqualTo(303);
        assertThat(visitor.get("/").body()).doesNotContain("id=\"crumb-banner\"");
        assertThat(visitor.get("/products").body()).doesNotContain("id=\"crumb-banner\"");
    }

    @Test
    @DisplayName("a product page remembers the product in a recently_viewed cookie, with preferences consent only")
    void recentlyViewed() throws Exception {
        Browser visitor = demo.browser();
        SitePages.choose(visitor, "reject-all");
        assertThat(Browser.setCookie(visitor.get("/products/st24-stapler"), "recently_viewed")).isNull();

        SitePages.choose(visitor, "accept-all");
        visitor.setCookie("recently_viewed", "st24-stapler");
        HttpResponse<String> response = visitor.get("/products/p200-laser-printer");

        assertThat(Browser.setCookie(response, "recently_viewed"))
                .startsWith("recently_viewed=p200-laser-printer.st24-stapler;")
                .containsIgnoringCase("HttpOnly").contains("Path=/products");
        assertThat(response.body()).contains("Recently viewed").contains("href=\"/products/st24-stapler\"");
    }

    static Stream<Arguments> demoPosts() {
        return Stream.of(
                Arguments.of("/cart", "/products/lm3-laminator", Map.of("action", "add", "product", "lm3-laminator")),
                Arguments.of("/contact", "/contact", Map.of("name", "Ada", "email", "ada@example.com",
                        "message", "Hello", "marketing", "yes")),
                Arguments.of("/support", "/support", Map.of("name", "Ada", "email", "ada@example.com",
                        "serial", "P200-4471-K", "message", "It jams")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoPosts")
    @DisplayName("the demo's own forms refuse a post without this visitor's CSRF token with a friendly 403")
    void csrfRefusal(String action, String formPath, Map<String, String> fields) throws Exception {
        Browser visitor = demo.browser();
        visitor.get(formPath);
        Browser other = demo.browser();
        String othersToken = SitePages.csrf(other.get(formPath).body());

        HttpResponse<String> without = visitor.post(action, fields);
        Map<String, String> withOthers = new LinkedHashMap<>(fields);
        withOthers.put("csrf", othersToken);
        HttpResponse<String> foreign = visitor.post(action, withOthers);

        assertThat(List.of(without, foreign)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertIsUtf8Html(response);
            assertThat(response.body()).contains("id=\"csrf-refused\"").contains("That form has expired")
                    .contains("Cookie settings");
        });
        assertThat(visitor.get("/cart").body()).contains("Your cart is empty");
        assertThat(demo.server().emailChoices().mayEmail("ada@example.com")).isFalse();
    }

    @Test
    @DisplayName("a contact form with problems is shown again with its values escaped and a message per field")
    void contactFormProblems() throws Exception {
        HttpResponse<String> response = SitePages.submit(demo.browser(), "/contact", "/contact",
                Map.of("name", "\"><script>alert(1)</script>", "email", "nope", "message", ""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertIsUtf8Html(response);
        assertThat(response.body())
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)</script>")
                .contains("Enter an email address like name@example.com.")
                .contains("Write a message, so we know how we can help.")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    @DisplayName("a valid contact form redirects to the thank-you page, which says what was saved for next time")
    void contactFormRedirects() throws Exception {
        Browser visitor = demo.browser();
        SitePages.choose(visitor, "accept-all");
        HttpResponse<String> response = SitePages.submit(visitor, "/contact", "/contact", Map.of("name", "Ada Lovelace",
                "email", "ada@example.com", "city", "London", "message", "A quote for ten printers, please."));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/contact/thanks?saved=all");
        assertThat(visitor.get("/contact/thanks?saved=all").body()).contains("id=\"saved-note\"")
                .contains("Saved for next time: name, email, city");
        assertThat(visitor.get("/contact").body()).contains("value=\"Ada Lovelace\"").contains("value=\"London\"")
                .contains("<textarea id=\"message\" name=\"message\" rows=\"6\" required></textarea>");
        assertThat(visitor.get("/account").body()).contains("id=\"saved-details\"").contains("Ada Lovelace");

        SitePages.submit(visitor, "/contact", "/contact", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "city", "", "message", "Moved away."));
        assertThat(visitor.get("/contact").body()).as("a cleared field is no longer offered")
                .contains("value=\"Ada Lovelace\"").doesNotContain("London");
    }

    @Test
    @DisplayName("without preferences consent the contact form saves nothing and says how to have it remembered")
    void contactFormWithoutConsent() throws Exception {
        Browser visitor = demo.browser();
        SitePages.choose(visitor, "reject-all");
        HttpResponse<String> response = SitePages.submit(visitor, "/contact", "/contact",
                Map.of("name", "Ada Lovelace", "email", "ada@example.com", "message", "Hello"));

        assertThat(response.headers().firstValue("Location")).hasValue("/contact/thanks?saved=consent");
        assertThat(visitor.get("/contact/thanks?saved=consent").body())
                .contains("Allow preference cookies in the");
        assertThat(visitor.get("/contact").body()).doesNotContain("Ada Lovelace");
        assertThat(visitor.get("/account").body()).contains("id=\"no-saved-details\"");
    }

    @Test
    @DisplayName("a ticked opt-in on the contact form is recorded with Crumb; an unticked one and the support form record nothing")
    void marketingOptInIsRecorded() throws Exception {
        Browser visitor = demo.browser();
        SitePages.submit(visitor, "/contact", "/contact", Map.of("name", "Ada", "email", "ticked@example.com",
                "message", "Hello", "marketing", "yes"));
        SitePages.submit(visitor, "/contact", "/contact", Map.of("name", "Ada", "email", "unticked@example.com",
                "message", "Hello"));
        HttpResponse<String> support = SitePages.submit(visitor, "/support", "/support", Map.of("name", "Ada",
                "email", "support@example.com", "serial", "P200-4471-K", "message", "It jams"));

        assertThat(support.statusCode()).isEqualTo(303);
        assertThat(demo.server().emailChoices().mayEmail("ticked@example.com")).isTrue();
        assertThat(demo.server().emailChoices().mayEmail("unticked@example.com")).isFalse();
        assertThat(demo.server().emailChoices().mayEmail("support@example.com")).isFalse();
        assertThat(visitor.get("/support").body()).contains("value=\"P200-4471-K\"");
    }

    @Test
    @DisplayName("the contact form offers news and offers unticked; the support form does not offer them")
    void marketingOptIn() throws Exception {
        assertThat(demo.get("/contact").body())
                .contains("<input id=\"marketing\" name=\"marketing\" type=\"checkbox\" value=\"yes\">")
                .contains("Send me news and offers");
        assertThat(demo.get("/support").body()).doesNotContain("name=\"marketing\"").contains("reply-only form");
    }

    @Test
    @DisplayName("a product added to the cart is listed in the cart of that visitor only")
    void cart() throws Exception {
        Browser visitor = demo.browser();
        HttpResponse<String> added = SitePages.submit(visitor, "/products/lm3-laminator", "/cart",
                Map.of("action", "add", "product", "lm3-laminator", "quantity", "2"));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(visitor.get("/cart").body()).contains("LM3 Laminator").contains("$159.00");
        Browser someoneElse = demo.browser();
        someoneElse.get("/");
        assertThat(someoneElse.get("/cart").body()).contains("Your cart is empty");
    }

    @Test
    @DisplayName("the header's country and language form posts to Crumb and shows the choice preselected")
    void localeChoice() throws Exception {
        Browser visitor = demo.browser();
        HttpResponse<String> chosen = SitePages.submit(visitor, "/products", "/crumb/locale",
                Map.of("country", "DE", "language", "de", "return", "/products"));

        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/products");
        // The page now speaks German: countries named in German, each language named in itself, and the
        // main content is German too, so it carries no lang of its own (DemoSiteLanguagesIT checks every page).
        assertThat(visitor.get("/products").body()).contains("<html lang=\"de\">")
                .contains("<option value=\"DE\" selected>Deutschland</option>")
                .contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>")
                .contains("<main id=\"main\" class=\"wrap\" tabindex=\"-1\">").contains("<h1>Produkte</h1>");
    }

    @Test
    @DisplayName("the privacy policy lists its revisions and names the one consent refers to")
    void privacyPolicy() throws Exception {
        String body = demo.get("/privacy").body();

        assertThat(body).contains("id=\"policy-revisions\"").contains("This is revision 1 of the policy")
                .contains("Crumb Office Supply").doesNotContainIgnoringCase("xerox");
    }

    @Test
    @DisplayName("pages carry a strict content security policy and nosniff")
    void securityHeaders() throws Exception {
        HttpResponse<String> response = demo.get("/");

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    @DisplayName("pages carry Google Consent Mode v2 and Matomo consent signals with the CSP's nonce, and load no tag")
    void tagConsentSignals() throws Exception {
        HttpResponse<String> response = demo.get("/");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("'nonce-([A-Za-z0-9_-]+)'").matcher(csp);
        assertThat(nonce.find()).as(csp).isTrue();
        assertThat(response.body()).contains("<script nonce=\"" + nonce.group(1) + "\">")
                .contains("gtag('consent','default',{\"ad_storage\":\"denied\"")
                .contains("\"analytics_storage\":\"denied\"")
                .contains("_paq.push(['requireCookieConsent']);")
                .doesNotContain("googletagmanager").doesNotContain("matomo.js").doesNotContain("<script src");
        String next = demo.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(next).as("a fresh nonce per response").isNotEqualTo(csp);
    }

    private static void assertIsUtf8Html(HttpResponse<String> response) {
        // Jetty writes the type in its canonical form, text/html;charset=utf-8; media types and charset
        // names are case-insensitive, so compare them that way.
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase(Locale.ROOT).replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
    }
}
