package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ConsentPages;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.LogCapture;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drives a whole visit on Jetty with an H2 store behind a database password while capturing every log
 * line (Crumb at DEBUG, Jetty, HikariCP and Flyway at their levels), then checks that no personal data,
 * identifier, token, key or password reached the log, and that no key reached a page.
 */
@DisplayName("No personal data, identifier, token, key or password in the logs; no key in any page")
class SecretsStayOutOfLogsTest {

    private static final String NAME = "Zebulon Quixotewright";
    private static final String EMAIL = "zebulon.quixotewright@example.org";
    private static final String STREET = "17 Marigold Crescent";
    private static final String PHONE = "+44 20 7946 0958";
    private static final String ANALYST_PASSWORD = "log capture analyst passphrase";
    private static final String DB_PASSWORD = "Db-Secret-" + UUID.randomUUID();
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    @DisplayName("a full visit: forms with name, email and address, consent, unsubscribe, analytics, forget")
    void fullScenario() throws Exception {
        Set<String> secrets = new LinkedHashSet<>(List.of(NAME, "Quixotewright", EMAIL, STREET, "Marigold", PHONE,
                ANALYST_PASSWORD, DB_PASSWORD, TestKeys.key(7), TestKeys.key(8), TestKeys.key(9)));
        List<String> pages = new ArrayList<>();
        String log;
        try (LogCapture capture = LogCapture.start()) {
            CrumbStore store = CrumbStores.jdbc("jdbc:h2:mem:secrets" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1", "sa", DB_PASSWORD);
            CrumbFilter filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(7), TestKeys.key(8))
                    .hashKey(TestKeys.key(9)).store(store).trackingFlushInterval(Duration.ofMillis(10))
                    .analystPasswordHash(AnalystPassword.hash(ANALYST_PASSWORD.toCharArray())).build());
            ServerFixture server = ServerFixture.jetty();
            Map<String, HttpServlet> servlets = new LinkedHashMap<>(FormPages.all());
            servlets.putAll(ConsentPages.all());
            URI base = server.start(filter, servlets);
            try {
                Browser visitor = new Browser(base).header("User-Agent", UA);
                String id = TestPages.parseEcho(keep(pages, visitor.get("/page"))).get("id");
                secrets.add(id);
                secrets.add(visitor.cookie("crumb"));
                String token = csrf(keep(pages, visitor.get("/crumb/consent")));
                secrets.add(token);
                keep(pages, visitor.post("/crumb/consent", Map.of("csrf", token, "action", "accept-all")));
                secrets.add(visitor.cookie("crumb"));
                keep(pages, visitor.post("/contact", Map.of("name", NAME, "email", EMAIL, "street", STREET,
                        "phone", PHONE, "message", "Please call " + NAME, "marketing", "on")));
                secrets.add(visitor.cookie("crumb"));
                Map<String, String> overfull = new LinkedHashMap<>();
                for (String field : List.of("name", "street", "city", "country", "customerNumber", "serialNumber")) {
                    overfull.put(field, NAME + " " + STREET + " " + "x".repeat(60));
                }
                keep(pages, visitor.post("/contact", overfull));
                keep(pages, visitor.get("/prefill"));
                keep(pages, visitor.get("/crumb/me"));
                keep(pages, visitor.get("/crumb/me.json"));
                keep(pages, visitor.get("/set-cookie?via=addHeader&name=" + EMAIL.replace("@", "_")));
                keep(pages, visitor.get("/products/" + EMAIL));

                String link = filter.emails().unsubscribeLink(EMAIL);
                secrets.add(link.substring(link.indexOf("token=") + 6));
                keep(pages, visitor.get(link));
                keep(pages, visitor.post("/crumb/unsubscribe", Map.of("token", link.substring(link.indexOf("token=") + 6))));
                keep(pages, visitor.post("/crumb/unsubscribe", Map.of("email", EMAIL, "csrf", visitor.get("/csrf").body())));

                Browser signedIn = new Browser(base);
                String loginToken = csrf(keep(pages, signedIn.get("/crumb/analytics/login")));
                secrets.add(loginToken);
                keep(pages, signedIn.post("/crumb/analytics/login", Map.of("user", "analyst", "password", ANALYST_PASSWORD,
                        "csrf", loginToken)));
                assertThat(signedIn.cookie("crumb_analyst")).as("signed in").isNotNull();
                secrets.add(signedIn.cookie("crumb_analyst"));
                keep(pages, signedIn.get("/crumb/analytics/summary"));
                keep(pages, signedIn.get("/crumb/analytics/summary.csv"));
                keep(pages, signedIn.get("/crumb/analytics/metrics"));

                Browser analyst = new Browser(base);
                for (int i = 0; i < 7; i++) {
                    String wrong = "wrong password " + NAME + " " + i;
                    secrets.add(wrong);
                    keep(pages, analyst.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("analyst:" + wrong).getBytes(StandardCharsets.UTF_8))).get("/crumb/analytics/summary"));
                }
                String forgetToken = csrf(keep(pages, visitor.get("/crumb/me")));
                keep(pages, visitor.post("/crumb/forget", Map.of("csrf", forgetToken)));
                secrets.add(visitor.cookie("crumb"));
                secrets.add(TestPages.parseEcho(keep(pages, visitor.get("/page"))).get("id"));
            } finally {
                server.close();
                filter.destroy();
                store.close();
            }
            log = capture.text();
        }
        assertThat(log).as("the capture works").contains("Crumb started").contains("Crumb stopped");
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(log).as("the log mentions a secret or personal value").doesNotContain(secret);
        }
        for (String key : List.of(TestKeys.key(7), TestKeys.key(8), TestKeys.key(9), ANALYST_PASSWORD, DB_PASSWORD)) {
            assertThat(String.join("\n", pages)).as("a page shows a key or password").doesNotContain(key);
        }
    }

    private static String keep(List<String> pages, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isLessThan(500);
        pages.add(response.body());
        response.headers().map().forEach((name, values) -> pages.add(name + ": " + String.join(", ", values)));
        return response.body();
    }

    private static String csrf(String page) {
        Matcher m = CSRF_FIELD.matcher(page);
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }
}
