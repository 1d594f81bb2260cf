package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("retention in chunks")
class RetentionChunksTest {

    @Test
    @DisplayName("deleting old raw events in chunks smaller than the backlog deletes exactly the old ones")
    void deletesInChunks() {
        JdbcEventSink sink = new JdbcEventSink(migrated("retention-chunks"), 7, VisitorChains.DEFAULT_CAPACITY);
        List<PageView> views = Events.crowd(20, 10, 3);
        sink.write(views, List.of());
        Instant cut = Instant.parse("2025-01-06T00:00:00Z");
        long old = views.stream().filter(v -> v.at().isBefore(cut)).count();

        assertThat(old).isGreaterThan(3 * 7);
        assertThat(sink.deleteRawEventsBefore(cut)).isEqualTo(old);
        assertThat(sink.deleteRawEventsBefore(cut)).isZero();
        assertThat(sink.deleteRawEventsBefore(Instant.parse("2030-01-01T00:00:00Z")))
                .isEqualTo(views.size() - old);
    }

    @Test
    @DisplayName("the chunked delete works on a composite key and a date column, for retention of per-visit rows")
    void deletesByCompositeKeyAndDate() {
        Database database = migrated("retention-visits");
        List<PageView> views = Events.crowd(20, 10, 3);
        new JdbcEventSink(database).write(views, List.of());
        java.time.LocalDate cut = java.time.LocalDate.parse("2025-01-06");
        long visitsBefore = count(database, "SELECT count(*) FROM crumb_visit");
        long old = count(database, "SELECT count(*) FROM crumb_visit WHERE start_day < DATE '2025-01-06'");

        ChunkedDelete visits = new ChunkedDelete("crumb_visit", "visitor_key, visit_number", "start_day", 4);

        assertThat(old).isGreaterThan(3 * 4);
        assertThat(visits.deleteBefore(database, cut)).isEqualTo(old);
        assertThat(count(database, "SELECT count(*) FROM crumb_visit")).isEqualTo(visitsBefore - old);
        assertThat(count(database, "SELECT count(*) FROM crumb_visit WHERE start_day < DATE '2025-01-06'")).isZero();
    }

    @Test
    @DisplayName("visit retention with a cut inside a day deletes exactly the visits that ended before it, in chunks")
    void visitRetentionAtACutInsideADay() {
        Database database = migrated("retention-cut-day");
        List<PageView> views = List.of(
                // Ended the day before the cut's day: deleted.
                visitView("2025-01-05T10:00:00Z", "early", 1), visitView("2025-01-05T10:10:00Z", "early", 1),
                // Started the day before and ran past the cut: kept.
                visitView("2025-01-05T23:50:00Z", "across", 1), visitView("2025-01-06T12:30:00Z", "across", 1),
                // Started and ended on the cut's day before the cut: deleted, though the day's later visits stay.
                visitView("2025-01-06T08:00:00Z", "morning", 1), visitView("2025-01-06T11:59:59Z", "morning", 1),
                visitView("2025-01-06T06:00:00Z", "dawn", 1),
                // Ended at the cut itself, not before it: kept.
                visitView("2025-01-06T11:00:00Z", "noon", 1), visitView("2025-01-06T12:00:00Z", "noon", 1),
                // Started after the cut, on its day and later: kept.
                visitView("2025-01-06T13:00:00Z", "afternoon", 1), visitView("2025-01-07T09:00:00Z", "next", 1),
                visitView("2025-01-06T12:00:01Z", "after", 1), visitView("2025-01-06T23:00:00Z", "late", 1));
        new JdbcEventSink(database).write(views, List.of());
        // Chunks of one: every chunk that reaches the cut's day passes over the visits of that day that stay.
        JdbcVisitorRecords records = new JdbcVisitorRecords(database, 1);

        assertThat(records.deleteVisitsEndedBefore(Instant.parse("2025-01-06T12:00:00Z"))).isEqualTo(3);
        assertThat(visitorsWithVisits(database)).containsExactly("across", "after", "afternoon", "late", "next",
                "noon");
        assertThat(records.deleteVisitsEndedBefore(Instant.parse("2025-01-06T12:00:00Z"))).isZero();
    }

    private static PageView visitView(String at, String visitor, int visit) {
        return new PageView(Instant.parse(at), visitor, visit, "/", "DE", "de", null);
    }

    private static List<String> visitorsWithVisits(Database database) {
        return database.inTransaction("visitors", connection -> {
            List<String> keys = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT DISTINCT visitor_key FROM crumb_visit ORDER BY visitor_key")) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        });
    }

    /** A fresh in-memory H2 database named {@code name}, migrated. */
    private static Database migrated(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"));
        Migrations.apply(h2, Dialect.H2);
        return new Database(h2, Dialect.H2);
    }

    private static long count(Database database, String sql) {
        return database.inTransaction("count", connection -> {
            try (java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    @DisplayName("a chunk size below one is refused")
    void chunkMustBePositive() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:retention-zero;DB_CLOSE_DELAY=-1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new JdbcEventSink(new Database(h2, Dialect.H2), 0, VisitorChains.DEFAULT_CAPACITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleteChunk");
    }
}
