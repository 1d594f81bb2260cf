package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
                "/account", "/contact", "/contact/thanks", "/support", "/support/thanks", "/privacy", "/analytics",
                "/analytics?from=2026-11-01&to=2026-11-28");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @DisplayName("every page answers 200 with UTF-8 HTML, the cookie settings link and a main landmark")
    void everyPageRenders(String path) throws Exception {
        HttpResponse<String> response = demo.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertIsUtf8Html(response);
        assertThat(response.body())
                .contains("<a href=\"/crumb/consent\">Cookie settings</a>")
                .contains("<main id=\"main\"")
                .contains("<nav class=\"site-nav\" aria-label=\"Main\">")
                .doesNotContain("{}");
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
                demo.get("/products/p200-laser-printer", "recently_viewed=<script>alert(1)</script>"),
                demo.get("/products/p200-laser-printer", "recently_viewed=" + "a.".repeat(500)));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isLessThan(500));
    }

    @Test
    @DisplayName("a product page remembers the product in a recently_viewed cookie and lists earlier ones")
    void recentlyViewed() throws Exception {
        HttpResponse<String> response = demo.get("/products/p200-laser-printer", "recently_viewed=st24-stapler");

        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("recently_viewed=p200-laser-printer.st24-stapler;")
                .containsIgnoringCase("HttpOnly").contains("Path=/products"));
        assertThat(response.body()).contains("Recently viewed").contains("href=\"/products/st24-stapler\"");
    }

    @Test
    @DisplayName("a contact form with problems is shown again with its values escaped and a message per field")
    void contactFormProblems() throws Exception {
        HttpResponse<String> response = demo.post("/contact",
                "name=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=nope&message=");

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
    @DisplayName("a valid contact form redirects to the thank-you page (Post/Redirect/Get)")
    void contactFormRedirects() throws Exception {
        HttpResponse<String> response = demo.post("/contact",
                "name=Ada+Lovelace&email=ada%40example.com&message=A+quote+for+ten+printers%2C+please.");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/contact/thanks"));
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
    @DisplayName("a product added to the cart is listed in it")
    void cart() throws Exception {
        HttpResponse<String> added = demo.post("/cart", "action=add&product=lm3-laminator&quantity=2");

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(demo.get("/cart").body()).contains("LM3 Laminator").contains("$159.00");
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

    private static void assertIsUtf8Html(HttpResponse<String> response) {
        // Jetty writes the type in its canonical form, text/html;charset=utf-8; media types and charset
        // names are case-insensitive, so compare them that way.
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase(Locale.ROOT).replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
    }
}
