package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 8, over HTTP on Jetty: one visitor can change their consent ten times in a burst and
 * then about three times a minute; an excess answers 429 and writes nothing — no record, no cookie.
 */
@DisplayName("Consent changes are bounded per visitor")
class ConsentRateLimitHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atDefaultStart();
    private CrumbStore store;
    private ServerFixture server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        store = CrumbStores.inMemory();
        server = ServerFixture.jetty();
        base = server.start(new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(5)).clock(clock).store(store)
                .build()), FormPages.all());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private static HttpResponse<String> choose(Browser b, String action) throws Exception {
        return b.post("/crumb/consent", Map.of("csrf", b.get("/csrf").body(), "action", action));
    }

    private static int records(Browser b) throws Exception {
        JsonNode me = JSON.readTree(b.get("/crumb/me.json").body());
        return me.get("consentLog").size();
    }

    @Test
    @DisplayName("ten changes go through, the eleventh answers 429 with Retry-After and records nothing")
    void excessIsRefused() throws Exception {
        Browser b = new Browser(base);
        b.get("/page");
        for (int i = 0; i < 10; i++) {
            assertThat(choose(b, i % 2 == 0 ? "accept-all" : "reject-all").statusCode()).as("change " + (i + 1)).isEqualTo(303);
        }
        int before = records(b);
        String cookie = b.cookie("crumb");
        HttpResponse<String> refused = choose(b, "accept-all");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 20L));
        assertThat(refused.body()).contains("was not saved");
        assertThat(Browser.setCookie(refused, "crumb")).isNull();
        assertThat(b.cookie("crumb")).isEqualTo(cookie);
        assertThat(records(b)).isEqualTo(before);
        assertThat(b.post("/crumb/forget", Map.of("csrf", b.get("/csrf").body())).statusCode())
                .as("forgetting shares the bound").isEqualTo(429);

        clock.advance(Duration.ofSeconds(20));
        assertThat(choose(b, "accept-all").statusCode()).as("after 20 s").isEqualTo(303);
    }

    @Test
    @DisplayName("replaying an older cookie is the same visitor and gains nothing; a new visitor's first decision goes through")
    void replayAndFirstDecision() throws Exception {
        Browser b = new Browser(base);
        b.get("/page");
        String original = b.cookie("crumb");
        for (int i = 0; i < 10; i++) {
            b.setCookie("crumb", original);
            assertThat(choose(b, "accept-all").statusCode()).isEqualTo(303);
        }
        b.setCookie("crumb", original);
        assertThat(choose(b, "accept-all").statusCode()).isEqualTo(429);

        Browser newcomer = new Browser(base);
        newcomer.get("/page");
        assertThat(choose(newcomer, "reject-all").statusCode()).isEqualTo(303);
    }
}
