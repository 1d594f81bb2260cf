package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.CrumbStore;
import dev.crumb.store.PageView;
import dev.crumb.store.StoredVisits;
import dev.crumb.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database at V6, with rows, keeps its numbers through V7 (a visit's paths move from
 * {@code crumb_visit_page} into its {@code crumb_visit} row, unless there are too many of them), and the
 * write path carries on from the migrated rows exactly — also for a visit whose paths stayed in the table
 * and that a late page view moves to the day before.
 */
@DisplayName("upgrade from the V6 schema")
class UpgradeFromV6Test {
    private static final LocalDate FIRST = LocalDate.parse("2025-01-01");
    private static final String CRAWLER = "crawler";

    @Test
    @DisplayName("on H2 the summary, the visitors' holdings and later writes are the same as before V7")
    void h2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:upgrade-v6;DB_CLOSE_DELAY=-1"));
        upgradeAndCompare(h2, Dialect.H2);
    }

    @Test
    @DisplayName("on PostgreSQL the summary, the visitors' holdings and later writes are the same as before V7")
    void postgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            upgradeAndCompare(database.dataSource(), Dialect.POSTGRESQL);
        }
    }

    private static void upgradeAndCompare(DataSource dataSource, Dialect dialect) throws SQLException {
        List<PageView> old = new ArrayList<>(Events.crowd(30, 6, 41));
        old.addAll(unusualPaths());
        old.addAll(crawlerVisit());
        List<PageView> later = new ArrayList<>(Events.crowd(30, 8, 43));
        // The crawler's visit gets a page view from before midnight: the visit, all its paths included, moves.
        later.add(new PageView(Instant.parse("2025-01-03T23:59:00Z"), CRAWLER, 1, "/late", "DE", "de", null));
        later.add(new PageView(Instant.parse("2025-01-04T12:00:00Z"), CRAWLER, 1, "/crawl/0001", "DE", "de", null));
        later.add(new PageView(Instant.parse("2025-01-04T12:00:01Z"), "astral", 1, "/\uD83C\uDF6A", "US", "en", null));

        // A V6 database with rows: V1's rows, from which V2 and V4 derive what the V6 writer keeps.
        Migrations.applyUpTo(dataSource, dialect, "1");
        UpgradeFromV1Test.writeAsV1(dataSource, old);
        Migrations.applyUpTo(dataSource, dialect, "6");
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(old, List.of());

        try (CrumbStore store = JdbcCrumbStore.open(dataSource)) {
            assertThat(pagesSpilled(dataSource)).as("visits whose paths stay in crumb_visit_page").isEqualTo(1);
            assertSameOnEveryRange(store, oracle);
            assertSameHoldings(store, oracle, old);

            store.events().write(later, List.of());
            oracle.write(later, List.of());
            assertSameOnEveryRange(store, oracle);
            assertSameHoldings(store, oracle, later);
        }
    }

    /** Paths with separators of the encoding, digits and a character outside the BMP. */
    private static List<PageView> unusualPaths() {
        List<PageView> views = new ArrayList<>();
        String[] paths = {"/a:b", "/1:2:/x", "/\uD83C\uDF6A", "/caf\u00e9", "/"};
        for (int i = 0; i < paths.length; i++) {
            views.add(new PageView(Instant.parse("2025-01-02T10:00:00Z").plusSeconds(i), "astral", 1, paths[i],
                    "US", "en", null));
        }
        return views;
    }

    /** One visit of more paths than a visit row holds. */
    private static List<PageView> crawlerVisit() {
        List<PageView> views = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            views.add(new PageView(Instant.parse("2025-01-04T00:00:10Z").plusSeconds(i), CRAWLER, 1,
                    String.format("/crawl/%04d", i), "DE", "de", null));
        }
        return views;
    }

    private static long pagesSpilled(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM crumb_visit WHERE pages_spilled")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void assertSameOnEveryRange(CrumbStore store, InMemoryCrumbStore oracle) {
        for (int from = 0; from < 9; from++) {
            for (int to = from; to < 9; to++) {
                LocalDate a = FIRST.plusDays(from);
                LocalDate b = FIRST.plusDays(to);
                assertThat(store.analytics().summary(a, b)).as("%s..%s", a, b).isEqualTo(oracle.summary(a, b));
            }
        }
    }

    private static void assertSameHoldings(CrumbStore store, InMemoryCrumbStore oracle, List<PageView> views) {
        views.stream().map(PageView::visitorKey).distinct().forEach(key -> {
            StoredVisits stored = store.visitorRecords().visits(key, 50);
            assertThat(stored).as(key).isEqualTo(oracle.visitorRecords().visits(key, 50));
        });
    }
}
