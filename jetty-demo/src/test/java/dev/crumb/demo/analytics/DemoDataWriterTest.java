package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.demo.shop.Catalog;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Writing the demo data into Crumb's store")
class DemoDataWriterTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 28);
    private static final LocalDate FIRST = LAST.minusDays(27);

    private final DemoDataSeeder.Events events = new DemoDataSeeder(7, Catalog.officeSupplies()).generate(LAST, 28);

    @Test
    @DisplayName("stores every made-up page view, attributed and anonymous")
    void writesEverything() {
        try (CrumbStore store = CrumbStores.inMemory()) {
            DemoDataWriter.Outcome outcome = new DemoDataWriter(store).write(events, FIRST, LAST);

            AnalyticsSummary summary = store.analytics().summary(FIRST, LAST);
            assertThat(outcome.written()).isTrue();
            assertThat(summary.pageviews()).isEqualTo(events.pageViews().size());
            assertThat(summary.anonymousPageviews()).isEqualTo(events.anonymous().size());
            assertThat(events.pageViews().size()).isGreaterThan(DemoDataWriter.BATCH_SIZE);
        }
    }

    @Test
    @DisplayName("writes nothing a second time, so seeding again never doubles the numbers")
    void idempotent() {
        try (CrumbStore store = CrumbStores.inMemory()) {
            new DemoDataWriter(store).write(events, FIRST, LAST);
            DemoDataWriter.Outcome again = new DemoDataWriter(store).write(events, FIRST, LAST);

            assertThat(again.written()).isFalse();
            assertThat(store.analytics().summary(FIRST, LAST).pageviews()).isEqualTo(events.pageViews().size());
        }
    }
}
