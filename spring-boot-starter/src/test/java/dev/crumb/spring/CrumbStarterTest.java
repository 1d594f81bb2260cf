package dev.crumb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.Eventually;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "crumb.keys=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
                "crumb.hash-key=CAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg",
                "crumb.cookie-categories=ad_id=marketing",
                "crumb.tracking-flush-interval=PT0.1S",
                "spring.datasource.url=jdbc:h2:mem:crumb-starter;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "management.endpoints.web.exposure.include=crumb"})
@DisplayName("The Spring Boot starter over real HTTP")
class CrumbStarterTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = new Browser(URI.create("http://127.0.0.1:" + port));
    }

    @Test
    @DisplayName("crumb.* properties configure the filter: the visitor cookie goes out, a marketing cookie is held back")
    void filterRegistered() throws Exception {
        HttpResponse<String> r = browser.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Browser.setCookie(r, "crumb")).contains("HttpOnly").contains("Path=/");
        assertThat(Browser.setCookie(r, "ad_id")).isNull();
    }

    @Test
    @DisplayName("the application's DataSource is the store: a consent decision is kept as proof")
    void dataSourceStore() throws Exception {
        String token = browser.get("/csrf").body();
        assertThat(browser.post("/crumb/consent", Map.of("csrf", token, "action", "accept-all")).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/crumb/me.json").body()).contains("\"consentLogAvailable\":true")
                .contains("\"source\":\"banner\"");
        assertThat(Browser.setCookie(browser.get("/"), "ad_id")).isNotNull();
    }

    @Test
    @DisplayName("TrackingMetrics are an Actuator endpoint")
    void actuator() throws Exception {
        assertThat(browser.header("User-Agent", FIREFOX).get("/").statusCode()).isEqualTo(200);
        Eventually.await("the page view is written", () -> {
            try {
                String body = browser.get("/actuator/crumb").body();
                return body.matches("(?s).*\"written\"\\s*:\\s*[1-9].*");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(browser.get("/actuator/crumb").body()).contains("\"recorded\"").contains("\"dropped\"");
    }

    @Test
    @DisplayName("an unknown crumb.* property fails the start with the name it was probably meant to be")
    void unknownProperty() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(StarterTestApplication.class)
                .properties("server.port=0", "crumb.keys=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
                        "crumb.vist-timeout=PT20M", "spring.datasource.url=jdbc:h2:mem:crumb-starter-bad")
                .run().close())
                .hasStackTraceContaining("did you mean 'visit-timeout'");
    }

    @Test
    @DisplayName("crumb.store-url opens Crumb's own store: the store-* properties are known names, not refused")
    void storeUrlProperty() {
        try (var context = new SpringApplicationBuilder(StarterTestApplication.class)
                .properties("server.port=0", "crumb.keys=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
                        "crumb.store-url=jdbc:h2:mem:crumb-starter-own;DB_CLOSE_DELAY=-1",
                        "spring.datasource.url=jdbc:h2:mem:crumb-starter-other")
                .run()) {
            assertThat(context.getBean(CrumbStoreHolder.class).store()).isNotNull();
        }
    }
}
