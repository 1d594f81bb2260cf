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
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The analytics endpoints under hostile input: page paths and referrers that visitors chose end up in the
 * JSON and CSV an analyst opens, and the analyst's own {@code from}/{@code to} parameters can be anything.
 */
@Label("Analytics endpoints: hostile paths stay inert in JSON and CSV, any date parameters answer 200 or 400")
class AnalyticsInputTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final String PASSWORD = "another analyst passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final List<String> HOSTILE_PATHS = List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)",
            "a,b\"c", "line\r\nbreak", "\"><script>crumbXSS</script>", "=HYPERLINK(\"http://evil.example\")", "\t=1");

    private static ServerFixture server;
    private static CrumbStore store;
    private static CrumbFilter filter;
    private static URI base;
    private static Browser analyst;
    private static long servedHostilePaths;

    @BeforeContainer
    static void start() throws Exception {
        store = CrumbStores.inMemory();
        filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(2)).store(store)
                .trackingFlushInterval(Duration.ofMillis(10))
                .analystPasswordHash(AnalystPassword.hash(PASSWORD.toCharArray())).build());
        server = ServerFixture.jetty();
        base = server.start(filter, TrackingPages.servlets());
        Browser visitor = new Browser(base).header("User-Agent", UA);
        visitor.get("/page");
        visitor.post("/crumb/consent", Map.of("csrf", csrf(visitor.get("/crumb/consent").body()), "action", "accept-all"));
        long served = 0;
        for (String path : HOSTILE_PATHS) {
            int status = visitor.get("/products/" + URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20"))
                    .statusCode();
            assertThat(status).as("page " + path).isIn(200, 400);
            served += status == 200 ? 1 : 0;
        }
        long pages = served;
        Eventually.await("hostile page views written, metrics " + filter.metrics(),
                () -> filter.metrics().written() >= pages && filter.metrics().queued() == 0);
        servedHostilePaths = pages;
        analyst = new Browser(base);
        HttpResponse<String> signedIn = analyst.post("/crumb/analytics/login", Map.of("user", "analyst",
                "password", PASSWORD, "csrf", csrf(analyst.get("/crumb/analytics/login").body())));
        assertThat(signedIn.statusCode()).isEqualTo(303);
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
        store.close();
    }

    @Example
    @Label("paths that look like formulas come back neutralised in CSV and as plain strings in JSON")
    void hostilePathsInCsvAndJson() throws Exception {
        HttpResponse<String> csv = analyst.get("/crumb/analytics/summary.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        ResponseSafety.checkCsv(csv.body(), "summary.csv");
        List<String> pageKeys = CsvRows.parse(csv.body()).stream().filter(row -> row.get(0).equals("page"))
                .map(row -> row.get(1)).toList();
        assertThat(pageKeys).as("every hostile path was recorded and listed").hasSizeGreaterThanOrEqualTo((int) servedHostilePaths)
                .anySatisfy(key -> assertThat(key).startsWith("/products/+SUM"));
        HttpResponse<String> json = analyst.get("/crumb/analytics/summary");
        JsonNode pages = JSON.readTree(json.body()).get("pages");
        assertThat(pages).isNotEmpty();
        pages.forEach(p -> assertThat(p.get("path").isTextual()).isTrue());
    }

    @Provide
    Arbitrary<String> dateParameter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-400_000, 400_000).map(d -> today.plusDays(d).toString()),
                Arbitraries.of("", "0000-00-00", "1999-12-31", "2000-01-01", "9999-12-31", "+10000-01-01", "2026-02-30",
                        "2026-13-01", "2026-1-1", "２０２６-０１-０１", "2026-01-01T00:00", "null", "-1", "2026-01-01'--",
                        "<script>crumbXSS</script>", "%00", "2026-01-01\r\nX-Crumb-Injected: 1"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-").ofMaxLength(12));
    }

    @Property(tries = 80)
    @Label("any from/to (out of range, reversed, huge, garbage): 200 or a JSON 400 naming the parameter")
    void dateParameters(@ForAll("dateParameter") String from, @ForAll("dateParameter") String to, @ForAll boolean csv)
            throws Exception {
        String path = "/crumb/analytics/summary" + (csv ? ".csv" : "") + "?from="
                + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        HttpResponse<String> r = analyst.get(path);
        assertThat(r.statusCode()).as(path).isIn(200, 400);
        ResponseSafety.check(r, base, from + to);
        if (r.statusCode() == 400) {
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("error").asText()).isEqualTo("bad_request");
            assertThat(error.get("parameter").asText()).isIn("from", "to");
        }
    }

    private static String csrf(String page) {
        Matcher m = CSRF_FIELD.matcher(page);
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }
}
