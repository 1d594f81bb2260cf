package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.StoreException;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CrumbStores")
class CrumbStoresTest {

    @Test
    @DisplayName("a URL for another database is refused with the URLs Crumb accepts, and no secrets")
    void unsupportedUrl() {
        assertThatThrownBy(() -> CrumbStores.jdbc("jdbc:mysql://db:3306/crumb?password=hunter2", "crumb", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL 'jdbc:mysql://db:3306/crumb'")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("an unreachable server fails at start-up with what to check, naming CRUMB_DB_PASSWORD")
    void unreachableServer() {
        assertThatThrownBy(() -> CrumbStores.jdbc("jdbc:postgresql://127.0.0.1:1/crumb", "crumb", "secret-pw"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/crumb")
                .hasMessageContaining("that the database server runs")
                .hasMessageContaining("CRUMB_DB_PASSWORD")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    @DisplayName("an H2 URL gets PostgreSQL mode and works like the file store")
    void h2Url() {
        try (CrumbStore store = CrumbStores.jdbc("jdbc:h2:mem:crumb-url-test;DB_CLOSE_DELAY=-1", "sa", "")) {
            ScriptedDays.write(store);
            assertThat(store.analytics().summary(StoreContract.D1, StoreContract.D2).visits()).isEqualTo(8);
        }
    }

    @Test
    @DisplayName("a store on the caller's pool leaves the pool open when it closes")
    void callersPoolStaysOpen() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(JdbcUrls.completeH2("jdbc:h2:mem:crumb-pool-test;DB_CLOSE_DELAY=-1"));
            CrumbStore store = CrumbStores.jdbc(pool);
            store.events().write(java.util.List.of(), java.util.List.of());
            store.close();

            assertThat(pool.isClosed()).isFalse();
            try (var connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            try (CrumbStore again = CrumbStores.jdbc(pool)) {
                assertThat(again.analytics().summary(LocalDate.EPOCH, LocalDate.EPOCH).visits()).isZero();
            }
        }
    }

    @Test
    @DisplayName("H2 never closes itself on JVM exit: Crumb writes its buffer first, then closes it (SIGTERM loses nothing)")
    void h2LeavesClosingToCrumb() {
        assertThat(JdbcUrls.completeH2("jdbc:h2:file:/data/crumb")).contains(";DB_CLOSE_ON_EXIT=FALSE")
                .contains(";QUERY_CACHE_SIZE=64");
        assertThat(JdbcUrls.completeH2("jdbc:h2:file:/data/crumb;DB_CLOSE_ON_EXIT=TRUE"))
                .as("a URL that chooses for itself is left alone").doesNotContain("DB_CLOSE_ON_EXIT=FALSE");
    }
}
