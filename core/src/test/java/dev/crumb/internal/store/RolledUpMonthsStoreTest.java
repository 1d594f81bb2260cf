package dev.crumb.internal.store;

import dev.crumb.CrumbStores;
import dev.crumb.store.CrumbStore;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole store contract on an H2 file whose months of 2025 (the contract's data) are all rolled up before the
 * first write: every batch of every contract test changes month rows as well as day rows, and after each test the
 * month rows must still be the sums of the day rows (late page views that move visits, crawlers, retention,
 * erasure, failed batches).
 */
@DisplayName("H2 file store, every month rolled up before the first page view")
class RolledUpMonthsStoreTest extends StoreContract {
    private static final LocalDate[] MONTHS = new LocalDate[12];

    static {
        for (int i = 0; i < MONTHS.length; i++) {
            MONTHS[i] = LocalDate.of(2025, i + 1, 1);
        }
    }

    @TempDir
    Path directory;
    private CrumbStore store;

    @BeforeEach
    void openStore() {
        store = CrumbStores.h2(directory);
        for (LocalDate month : MONTHS) {
            ((JdbcCrumbStore) store).monthRollups().rollUp(month);
        }
    }

    @AfterEach
    void checkMonthRowsAndClose() {
        try {
            MonthRowsCheck.assertSumsOfDays(((JdbcCrumbStore) store).monthRollups().database(), MONTHS);
        } finally {
            store.close();
        }
    }

    @Override
    CrumbStore store() {
        return store;
    }

    @Override
    void failWritesOfAnonymousPath(String path) throws Exception {
        rejectAnonymousPathOnH2("jdbc:h2:file:" + directory.resolve("crumb"), path);
    }
}
