package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.RawHttp;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input over real HTTP against one Jetty with the filter and the form test pages: cookies,
 * locale and privacy headers, the configured country header, form fields to every POST endpoint and the
 * contact page, and {@code return} targets. Each answer must pass {@link ResponseSafety}.
 */
@Label("Hostile input over HTTP: never a 5xx, an injected header, a foreign redirect or unescaped HTML")
class HostileInputTest {

    static final String PASSWORD = "fuzzing analyst passphrase";
    private static final Pattern CSRF = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final List<String> ENDPOINTS = List.of("/crumb/consent", "/crumb/locale", "/crumb/forget",
            "/crumb/unsubscribe", "/crumb/analytics/login", "/contact");
    private static final List<String> FIELD_NAMES = List.of("action", "preferences", "analytics", "marketing", "return",
            "country", "language", "email", "token", "user", "password", "name", "street", "city", "postcode", "phone",
            "age", "message", "customerNumber");

    private static ServerFixture server;
    private static CrumbStore store;
    private static URI base;

    @BeforeContainer
    static void start() throws Exception {
        store = CrumbStores.inMemory();
        CrumbConfig config = CrumbConfig.builder().keys(TestKeys.key(1)).store(store)
                .countryHeader("CF-IPCountry").languages(List.of("en", "de", "fr"))
                .cookieRequiredPaths(List.of("/cart"))
                .analystPasswordHash(AnalystPassword.hash(PASSWORD.toCharArray()))
                .build();
        server = ServerFixture.jetty();
        base = server.start(new CrumbFilter(config), FormPages.all());
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
        store.close();
    }

    // ---- generators ------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> payload = Arbitraries.of(ResponseSafety.PAYLOADS);
        return Arbitraries.oneOf(
                payload,
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(120),
                Arbitraries.strings().withChars("<>\"'&;,=%\r\n\t\\/ é€😀\u0000\u202e").ofMaxLength(80),
                Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(10), payload,
                        Arbitraries.strings().all().ofMaxLength(20)).as((a, p, b) -> a + p + b),
                Arbitraries.strings().withChars("a<\";\r\n\u00e9").ofMinLength(5_000).ofMaxLength(20_000));
    }

    /** Header values as raw bytes on the wire: anything but CR and LF (which would end the header). */
    @Provide
    Arbitrary<String> rawHeaderValue() {
        return Arbitraries.oneOf(
                Arbitraries.of(ResponseSafety.PAYLOADS).map(p -> p.replace("\r\n", " ")),
                Arbitraries.strings().withCharRange('\u0020', '\u00ff').withChars('\t').ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(60).map(HostileInputTest::utf8AsLatin1)
                        .map(s -> s.replace('\r', ' ').replace('\n', ' ')),
                Arbitraries.strings().withChars("de-DE,en;q=0.5*,;=q-1.0x ").ofMaxLength(300),
                Arbitraries.strings().withChars("ab=;,\" ").ofMinLength(3000).ofMaxLength(12_000));
    }

    @Provide
    Arbitrary<String> requestHeader() {
        return Arbitraries.of("Accept-Language", "Sec-GPC", "DNT", "CF-IPCountry", "Referer", "User-Agent",
                "Authorization", "X-Forwarded-For", "Host-Override");
    }

    @Provide
    Arbitrary<Map<String, String>> fields() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().all().ofMaxLength(30));
        return Arbitraries.maps(name, hostile()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> endpoint() {
        return Arbitraries.of(ENDPOINTS);
    }

    // ---- properties ------------------------------------------------------------------------------

    @Property(tries = 60)
    @Label("any Cookie header, with or without a valid visitor cookie beside it")
    void cookieHeaders(@ForAll("rawHeaderValue") String value, @ForAll boolean besideValid) throws Exception {
        String valid = besideValid ? visitorCookie() + "; " : "";
        for (String header : List.of("Cookie: " + valid + "crumb=" + value, "Cookie: " + valid + value,
                "Cookie: crumb_analyst=" + value + "; crumb=" + value)) {
            RawHttp.Response r = RawHttp.get(base, "/page", header);
            ResponseSafety.check(r, base, value);
            if (r.status() == 200) {
                assertThat(r.body()).as("the visitor echo").contains("id=");
            }
        }
    }

    @Property(tries = 60)
    @Label("any Accept-Language, Sec-GPC, DNT, country, Referer or Authorization header, on pages and endpoints")
    void requestHeaders(@ForAll("requestHeader") String header, @ForAll("rawHeaderValue") String value) throws Exception {
        for (String path : List.of("/page", "/crumb/consent", "/crumb/me", "/crumb/me.json", "/cart",
                "/crumb/analytics/summary")) {
            ResponseSafety.check(RawHttp.get(base, path, header + ": " + value), base, value);
        }
    }

    @Property(tries = 80)
    @Label("any form fields to /crumb/consent, /locale, /forget, /unsubscribe, /analytics/login and the contact page")
    void formFields(@ForAll("endpoint") String endpoint, @ForAll("fields") Map<String, String> fields,
                    @ForAll boolean withValidCsrf) throws Exception {
        Browser browser = new Browser(base);
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (endpoint.equals("/contact")) {
            form.remove("marketing"); // the test page's opt-in throws for a non-address by contract
        }
        if (withValidCsrf) {
            form.put("csrf", csrf(browser));
        }
        HttpResponse<String> r = browser.post(endpoint, form);
        for (String value : fields.values()) {
            ResponseSafety.check(r, base, value);
        }
        for (String name : fields.keySet()) {
            ResponseSafety.check(r, base, name);
        }
        if (withValidCsrf && endpoint.equals("/contact")) {
            // Whatever was saved comes back through the visitor cookie without breaking the next page.
            ResponseSafety.check(browser.get("/crumb/me"), base, String.join("", fields.values()));
        }
    }

    @Property(tries = 60)
    @Label("any return target: redirects stay on the site, pages escape it")
    void returnTargets(@ForAll("hostile") String target) throws Exception {
        Browser browser = new Browser(base);
        String token = csrf(browser);
        HttpResponse<String> posted = browser.post("/crumb/consent", Map.of("csrf", token, "action", "reject-all",
                "return", target));
        assertThat(posted.statusCode()).isEqualTo(303);
        ResponseSafety.check(posted, base, target);
        String query = "?return=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        ResponseSafety.check(browser.get("/crumb/consent" + query), base, target);
        ResponseSafety.check(browser.get("/crumb/analytics/login" + query), base, target);
        ResponseSafety.check(browser.post("/crumb/locale", Map.of("csrf", csrf(browser), "country", "DE",
                "language", "de", "return", target)), base, target);
    }

    @Property(tries = 40)
    @Label("any query string on the library's pages")
    void queryStrings(@ForAll("hostile") String value) throws Exception {
        Browser browser = new Browser(base);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        for (String path : List.of("/crumb/consent?x=", "/crumb/unsubscribe?token=", "/crumb/me?", "/page?q=",
                "/cart?crumb_probe=")) {
            ResponseSafety.check(browser.get(path + encoded), base, value);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String visitorCookie() throws Exception {
        Browser b = new Browser(base);
        b.get("/page");
        return "crumb=" + b.cookie("crumb");
    }

    private static String csrf(Browser browser) throws Exception {
        HttpResponse<String> r = browser.get("/csrf");
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = CSRF.matcher(r.body());
        assertThat(m.matches()).as("a CSRF token").isTrue();
        return r.body();
    }

    private static String utf8AsLatin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
