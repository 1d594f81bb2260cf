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
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:retention-chunks;DB_CLOSE_DELAY=-1"));
        Migrations.apply(h2, Dialect.H2);
        JdbcEventSink sink = new JdbcEventSink(new Database(h2, Dialect.H2), 7, VisitorChains.DEFAULT_CAPACITY);
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
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:retention-visits;DB_CLOSE_DELAY=-1"));
        Migrations.apply(h2, Dialect.H2);
        Database database = new Database(h2, Dialect.H2);
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
