package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("H2 file store")
class H2StoreTest extends StoreContract {
    @TempDir
    Path directory;
    private CrumbStore store;

    @BeforeEach
    void openStore() {
        store = CrumbStores.h2(directory);
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
        try (Connection connection = DriverManager.getConnection(
                JdbcUrls.completeH2("jdbc:h2:file:" + directory.resolve("crumb")), "crumb", "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE crumb_anonymous_day ADD CONSTRAINT test_failure CHECK (path <> '"
                    + path + "')");
        }
    }

    @Test
    @DisplayName("a consent record appended before the store closes is there when it opens again")
    void consentSurvivesReopen() {
        ConsentRecord record = new ConsentRecord("v1", Instant.parse("2025-03-10T10:00:00Z"),
                Set.of(Category.ANALYTICS), 1, ConsentSource.BANNER);
        store.consentLog().append(record);
        store.close();

        store = CrumbStores.h2(directory);

        assertThat(store.consentLog().history("v1", 5)).containsExactly(record);
    }

    @Test
    @DisplayName("the store creates its data directory and closing it twice is harmless")
    void createsDirectory() {
        try (CrumbStore nested = CrumbStores.h2(directory.resolve("a/b"))) {
            assertThat(directory.resolve("a/b/crumb.mv.db")).exists();
            nested.close();
        }
    }
}
