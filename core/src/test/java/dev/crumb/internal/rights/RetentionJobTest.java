package dev.crumb.internal.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.MutableClock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The retention job")
class RetentionJobTest {

    @Test
    @DisplayName("deletes visits older than visit-retention and consent records superseded longer than consent-log-retention")
    void deletesWhatIsPastRetention() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
        try (CrumbStore store = CrumbStores.inMemory();
             RetentionJob job = new RetentionJob(store.visitorRecords(), store.consentLog(), Period.ofMonths(25),
                     Period.ofYears(5), clock)) {
            store.events().write(List.of(
                    new PageView(Instant.parse("2024-10-01T10:00:00Z"), "old", 1, "/", "DE", "de", null),
                    new PageView(Instant.parse("2024-11-01T10:00:00Z"), "recent", 1, "/", "DE", "de", null)), List.of());
            store.consentLog().append(new ConsentRecord("k", Instant.parse("2020-01-01T00:00:00Z"), Set.of(), 1,
                    ConsentSource.REGION_DEFAULT));
            store.consentLog().append(new ConsentRecord("k", Instant.parse("2021-06-01T00:00:00Z"),
                    Set.of(Category.ANALYTICS), 1, ConsentSource.BANNER));
            store.consentLog().append(new ConsentRecord("k", Instant.parse("2022-01-01T00:00:00Z"), Set.of(), 1,
                    ConsentSource.WITHDRAWAL));

            RetentionJob.Deleted deleted = job.runOnce();

            assertThat(deleted).isEqualTo(new RetentionJob.Deleted(1, 1));
            assertThat(store.visitorRecords().visits("old", 10).visitCount()).isZero();
            assertThat(store.visitorRecords().visits("recent", 10).visitCount()).isEqualTo(1);
            assertThat(store.consentLog().history("k", 10)).extracting(ConsentRecord::source)
                    .containsExactly(ConsentSource.WITHDRAWAL, ConsentSource.BANNER);
        }
    }
}
