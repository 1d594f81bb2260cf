package dev.crumb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stopping the container (which destroys the filter) writes every buffered page view before it returns. */
@DisplayName("A graceful stop writes everything buffered")
class GracefulStopTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    @Test
    @DisplayName("page views still in the buffer at stop are in the H2 file after reopening it")
    void stopWritesTheBuffer() throws Exception {
        Path data = Files.createTempDirectory("crumb-graceful");
        CrumbStore store = CrumbStores.h2(data);
        // A full minute of flush interval and huge batches: nothing is written before the stop.
        CrumbFilter filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(12)).store(store)
                .trackingFlushInterval(Duration.ofMinutes(1)).trackingBatchSize(10_000).trackingBufferCapacity(20_000)
                .build());
        ServerFixture server = ServerFixture.jetty();
        URI base = server.start(filter, TrackingPages.servlets());
        int views = 60;
        for (int i = 0; i < views; i++) {
            assertThat(new Browser(base).header("User-Agent", UA).get("/products/" + i).statusCode()).isEqualTo(200);
        }
        TrackingMetrics beforeStop = filter.metrics();
        assertThat(beforeStop.recorded()).isEqualTo(views);
        assertThat(beforeStop.written()).as("still buffered").isZero();

        server.close(); // Jetty destroys the filter
        TrackingMetrics afterStop = filter.metrics();
        assertThat(afterStop.written()).as("final counts after destroy: everything written").isEqualTo(views);
        assertThat(afterStop.queued()).isZero();
        assertThat(afterStop.abandoned()).isZero();
        store.close();

        try (CrumbStore reopened = CrumbStores.h2(data)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            AnalyticsSummary summary = reopened.analytics().summary(today.minusDays(1), today.plusDays(1));
            assertThat(summary.pageviews() + summary.anonymousPageviews()).isEqualTo(views);
        }
    }
}
