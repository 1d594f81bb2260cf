package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.CrumbStore;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole store contract with rows of {@code crumb_visitor_chains} that hold about one chain each, so that
 * every visitor with more than one chain has several rows (parts): the oracle, retention and erasure tests
 * then run over chains spread across parts, as a crawler's are with the real capacity.
 */
@DisplayName("H2 file store, a visitor's chains over many rows")
class SmallChainRowsStoreTest extends H2FileStoreContract {
    private static final int CAPACITY = 30;

    @Override
    CrumbStore open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JdbcUrls.completeH2(url()));
        dataSource.setUser("crumb");
        return JdbcCrumbStore.openWithChainCapacity(dataSource, Dialect.H2, CAPACITY);
    }

    @Test
    @DisplayName("a visitor with several chains and visitor-days has several rows, each chain and day in one of them")
    void chainsSpreadOverParts() throws Exception {
        store.events().write(List.of(view("2025-03-10T10:00:00Z", "v1", 1, "/a", "DE", "de", null),
                view("2025-03-10T10:01:00Z", "v1", 1, "/b", "DE", "de", null),
                view("2025-03-11T10:00:00Z", "v1", 2, "/a", "DE", "de", null)), List.of());

        // visitors, returning, /a and /b, and the earliest visits of two visitor-days: one entry per row at this
        // capacity.
        assertThat(rowsOnH2(url(), "crumb_visitor_chains")).isEqualTo(6);
        store.events().write(List.of(view("2025-03-12T10:00:00Z", "v1", 3, "/b", "DE", "de", null)), List.of());
        // The chains grow in their rows; the new visitor-day takes a row of its own.
        assertThat(rowsOnH2(url(), "crumb_visitor_chains")).isEqualTo(7);
        assertThat(store.analytics().summary(java.time.LocalDate.parse("2025-03-10"),
                java.time.LocalDate.parse("2025-03-12")).visitors()).isEqualTo(1);
    }
}
