package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.CrumbStore;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database that V1 filled (visit rollups, no daily aggregates) gets its aggregates from the V2 migration,
 * and the write path carries on from them exactly.
 */
@DisplayName("upgrade from the V1 schema")
class UpgradeFromV1Test {
    private static final LocalDate FIRST = LocalDate.parse("2025-01-01");

    @Test
    @DisplayName("on H2 the backfilled aggregates give the oracle's summary, before and after more writes")
    void h2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:upgrade-v1;DB_CLOSE_DELAY=-1"));
        upgradeAndCompare(h2, Dialect.H2);
    }

    @Test
    @DisplayName("on PostgreSQL the backfilled aggregates give the oracle's summary, before and after more writes")
    void postgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            upgradeAndCompare(database.dataSource(), Dialect.POSTGRESQL);
        }
    }

    private static void upgradeAndCompare(DataSource dataSource, Dialect dialect) throws SQLException {
        List<PageView> old = Events.crowd(30, 6, 41);
        List<PageView> later = Events.crowd(30, 8, 43);
        Migrations.applyUpTo(dataSource, dialect, "1");
        writeAsV1(dataSource, old);
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(old, List.of());

        try (CrumbStore store = JdbcCrumbStore.open(dataSource)) {
            assertSameOnEveryRange(store, oracle);

            store.events().write(later, List.of());
            oracle.write(later, List.of());
            assertSameOnEveryRange(store, oracle);
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

    /** The rows the V1 writer kept: one per visit and one per (visit, path). */
    static void writeAsV1(DataSource dataSource, List<PageView> views) throws SQLException {
        Map<VisitId, VisitRollup> visits = new TreeMap<>();
        Map<List<Object>, Long> pages = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (PageView view : views) {
            visits.merge(new VisitId(view.visitorKey(), view.visit()), VisitRollup.of(view), VisitRollup::merge);
            pages.merge(List.of(view.visitorKey(), view.visit(), view.path()), 1L, Long::sum);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement visit = connection.prepareStatement("INSERT INTO crumb_visit (visitor_key,"
                     + " visit_number, start_day, first_ms, last_ms, pageviews, entry_path, entry_referrer,"
                     + " entry_country, entry_language, exit_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement page = connection.prepareStatement("INSERT INTO crumb_visit_page (visitor_key,"
                     + " visit_number, path, views) VALUES (?, ?, ?, ?)")) {
            for (VisitRollup v : visits.values()) {
                visit.setString(1, v.id().visitorKey());
                visit.setInt(2, v.id().visit());
                visit.setObject(3, v.startDay());
                visit.setLong(4, v.firstMs());
                visit.setLong(5, v.lastMs());
                visit.setLong(6, v.pageviews());
                visit.setString(7, v.entryPath());
                visit.setString(8, v.entryReferrer());
                visit.setString(9, v.entryCountry());
                visit.setString(10, v.entryLanguage());
                visit.setString(11, v.exitPath());
                visit.executeUpdate();
            }
            for (Map.Entry<List<Object>, Long> p : pages.entrySet()) {
                page.setString(1, (String) p.getKey().get(0));
                page.setInt(2, (Integer) p.getKey().get(1));
                page.setString(3, (String) p.getKey().get(2));
                page.setLong(4, p.getValue());
                page.executeUpdate();
            }
        }
    }
}
