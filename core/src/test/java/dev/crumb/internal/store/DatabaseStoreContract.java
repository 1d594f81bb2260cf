package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.anonymous;
import static dev.crumb.internal.store.Events.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store contract, plus what only a store on a database can be asked: a batch that the database rejects
 * half-way is rolled back whole. The in-memory store has no database that could fail there, so it runs
 * {@link StoreContract} alone rather than skipping this test.
 */
abstract class DatabaseStoreContract extends StoreContract {
    /** Makes the database reject anonymous page views of {@code path}, to fail a batch half-way. */
    abstract void failWritesOfAnonymousPath(String path) throws Exception;

    @Test
    @DisplayName("a batch that fails in the database half-way leaves nothing behind")
    void failedBatchLeavesNothing() throws Exception {
        failWritesOfAnonymousPath("/boom");
        List<PageView> views = List.of(view("2025-03-10T10:00:00Z", "v1", 1, "/", "DE", "de", "google.com"));
        List<AnonymousPageView> anonymousViews = List.of(anonymous("2025-03-10T10:00:00Z", "/ok"),
                anonymous("2025-03-10T10:00:00Z", "/boom"));

        assertThatThrownBy(() -> store().events().write(views, anonymousViews)).isInstanceOf(RuntimeException.class);

        AnalyticsSummary summary = store().analytics().summary(D1, D1);
        assertThat(summary.visits()).isZero();
        assertThat(summary.anonymousPageviews()).isZero();
        assertThat(store().events().deleteRawEventsBefore(Instant.parse("2030-01-01T00:00:00Z"))).isZero();
    }
}
