package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ConsentPages;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.PostgresDatabase;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consent log is durable: a choice acknowledged with 303 is still there after the server and store restart. */
@DisplayName("Proof of consent survives a restart")
class ConsentProofSurvivesRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.atDefaultStart();

    @TempDir
    Path directory;

    @Test
    @DisplayName("on the embedded H2 store")
    void h2() throws Exception {
        survivesRestart(() -> CrumbStores.h2(directory));
    }

    @Test
    @DisplayName("on PostgreSQL")
    void postgres() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create()) {
            survivesRestart(() -> CrumbStores.jdbc(db.url(), db.user(), db.password()));
        }
    }

    private void survivesRestart(Supplier<CrumbStore> openStore) throws Exception {
        String cookie;
        try (CrumbStore store = openStore.get(); ServerFixture server = ServerFixture.jetty()) {
            Browser browser = new Browser(start(server, store)).header("Accept-Language", "de-DE");
            String token = browser.get("/csrf").body();
            assertThat(browser.post("/crumb/consent", Map.of("csrf", token, "action", "save", "analytics", "on"))
                    .statusCode()).isEqualTo(303);
            cookie = browser.cookie("crumb");
        }
        try (CrumbStore store = openStore.get(); ServerFixture server = ServerFixture.jetty()) {
            Browser browser = new Browser(start(server, store));
            browser.setCookie("crumb", cookie);
            JsonNode log = JSON.readTree(browser.get("/crumb/me.json").body()).get("consentLog");
            assertThat(log.get(0).get("source").asText()).isEqualTo("banner");
            assertThat(log.get(0).get("granted").toString()).isEqualTo("[\"necessary\",\"analytics\"]");
            assertThat(log.get(0).get("decidedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        }
    }

    private URI start(ServerFixture server, CrumbStore store) throws Exception {
        CrumbConfig config = CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(TestKeys.key(9)).clock(clock)
                .store(store).build();
        return server.start(new CrumbFilter(config), ConsentPages.all());
    }
}
