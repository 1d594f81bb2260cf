package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.CrumbStore;
import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole store contract with rows of {@code crumb_visitor_chains} that hold about one chain each, so that
 * every visitor with more than one chain has several rows (parts): the oracle, retention and erasure tests
 * then run over chains spread across parts, as a crawler's are with the real capacity.
 */
@DisplayName("H2 file store, a visitor's chains over many rows")
class SmallChainRowsStoreTest extends StoreContract {
    private static final int CAPACITY = 30;

    @TempDir
    Path directory;
    private CrumbStore store;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("crumb");
    }

    @BeforeEach
    void openStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JdbcUrls.completeH2(url()));
        dataSource.setUser("crumb");
        store = JdbcCrumbStore.openWithChainCapacity(dataSource, Dialect.H2, CAPACITY);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    CrumbStore store() {
        return store;
    }

    @Override
    void failWritesOfAnonymousPath(String path) throws Exception {
        rejectAnonymousPathOnH2(url(), path);
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
