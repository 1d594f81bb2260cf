package dev.crumb.internal.store;

import dev.crumb.CrumbStores;
import dev.crumb.store.CrumbStore;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole store contract on an H2 file whose months of 2025 (the contract's data) are all rolled up before the
 * first write: every batch of every contract test changes month rows as well as day rows, and after each test the
 * month rows must still be the sums of the day rows (late page views that move visits, crawlers, retention,
 * erasure, failed batches).
 */
@DisplayName("H2 file store, every month rolled up before the first page view")
class RolledUpMonthsStoreTest extends H2FileStoreContract {
    private static final LocalDate[] MONTHS = new LocalDate[12];

    static {
        for (int i = 0; i < MONTHS.length; i++) {
            MONTHS[i] = LocalDate.of(2025, i + 1, 1);
        }
    }

    @Override
    CrumbStore open() {
        CrumbStore opened = CrumbStores.h2(directory);
        for (LocalDate month : MONTHS) {
            ((JdbcCrumbStore) opened).monthRollups().rollUp(month);
        }
        return opened;
    }

    /** Runs before the base class closes the store. */
    @AfterEach
    void checkMonthRows() {
        MonthRowsCheck.assertSumsOfDays(((JdbcCrumbStore) store).monthRollups().database(), MONTHS);
    }
}
