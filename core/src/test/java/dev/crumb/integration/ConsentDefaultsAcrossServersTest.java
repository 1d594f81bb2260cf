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
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.PostgresDatabase;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers — Jetty and Tomcat, each with its own connection pool to one database — see the same
 * replayed cookie at the same time. Each server's memory knows nothing of the other's, so both write the
 * default; the database keeps one record.
 */
@DisplayName("One consent default across servers sharing a database")
class ConsentDefaultsAcrossServersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS_PER_SERVER = 20;
    private final MutableClock clock = MutableClock.atDefaultStart();

    @TempDir
    Path directory;

    @Test
    @DisplayName("on the embedded H2 store")
    void h2() throws Exception {
        oneRecord(() -> CrumbStores.h2(directory));
    }

    @Test
    @DisplayName("on PostgreSQL")
    void postgres() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create()) {
            oneRecord(() -> CrumbStores.jdbc(db.url(), db.user(), db.password()));
        }
    }

    private void oneRecord(Supplier<CrumbStore> openStore) throws Exception {
        try (CrumbStore storeA = openStore.get(); CrumbStore storeB = openStore.get();
             ServerFixture jetty = ServerFixture.jetty(); ServerFixture tomcat = ServerFixture.tomcat()) {
            CrumbFilter filterA = filter(storeA);
            CrumbFilter filterB = filter(storeB);
            URI a = jetty.start(filterA, ConsentPages.all());
            URI b = tomcat.start(filterB, ConsentPages.all());
            Browser first = american(a);
            assertThat(first.get("/page").statusCode()).isEqualTo(200);
            String cookie = first.cookie("crumb");

            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_SERVER; i++) {
                    for (URI server : List.of(a, b)) {
                        statuses.add(clients.submit(() -> {
                            Browser replaying = american(server);
                            replaying.setCookie("crumb", cookie);
                            return replaying.get("/page").statusCode();
                        }));
                    }
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            Eventually.await("both servers wrote the default", () ->
                    filterA.consentDefaultMetrics().recorded() + filterA.consentDefaultMetrics().alreadyRecorded() == 1
                    && filterB.consentDefaultMetrics().recorded() + filterB.consentDefaultMetrics().alreadyRecorded() == 1);

            assertThat(filterA.consentDefaultMetrics().recorded() + filterB.consentDefaultMetrics().recorded())
                    .as("one server added it, the other found it").isEqualTo(1);
            for (URI server : List.of(a, b)) {
                Browser replaying = american(server);
                replaying.setCookie("crumb", cookie);
                JsonNode log = JSON.readTree(replaying.get("/crumb/me.json").body()).get("consentLog");
                assertThat(log).as("the log as " + server + " shows it").extracting(r -> r.get("source").asText())
                        .containsExactly("region-default");
            }
        }
    }

    private CrumbFilter filter(CrumbStore store) {
        return new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(1)).hashKey(TestKeys.key(9)).clock(clock)
                .store(store).build());
    }

    private static Browser american(URI base) {
        return new Browser(base).header("Accept-Language", "en-US,en;q=0.8");
    }
}
