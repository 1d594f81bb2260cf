package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The writer rolls up the month that closed last")
class WriterRollupTest {
    private static final LocalDate JANUARY = LocalDate.parse("2025-01-01");
    private static final LocalDate FEBRUARY = LocalDate.parse("2025-02-01");

    private static Database database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(JdbcUrls.completeH2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"));
        Migrations.apply(h2, Dialect.H2);
        return new Database(h2, Dialect.H2);
    }

    private static JdbcEventSink sink(Database database, String now) {
        MonthRollups rollups = new MonthRollups(database, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        return new JdbcEventSink(database, JdbcEventSink.DELETE_CHUNK, VisitorChains.DEFAULT_CAPACITY, rollups);
    }

    private static List<PageView> views(String month, String visitor) {
        return List.of(Events.view(month + "-10T10:00:00Z", visitor, 1, "/", "DE", "de", null),
                Events.view(month + "-11T10:00:00Z", visitor, 2, "/a", "DE", "de", null));
    }

    private static Set<LocalDate> rolledUp(Database database) {
        return database.inSnapshot("read", connection -> MonthRollups.rolledUp(connection, JANUARY,
                LocalDate.parse("2025-12-01")));
    }

    @Test
    @DisplayName("on the day February closes its first batch rolls February up, not the older January; later batches"
            + " keep February's rows exact")
    void lastClosedMonthOnly() {
        Database database = database("writer-rollup");
        JdbcEventSink sink = sink(database, "2025-03-02T08:00:00Z");

        sink.write(views("2025-01", "v1"), List.of());
        assertThat(rolledUp(database)).containsExactly(FEBRUARY);

        sink.write(views("2025-02", "v1"), List.of(Events.anonymous("2025-02-11T10:00:00Z", "/")));
        sink.write(views("2025-02", "v2"), List.of());
        MonthRowsCheck.assertSumsOfDays(database, FEBRUARY);
        assertThat(rolledUp(database)).containsExactly(FEBRUARY);
    }

    @Test
    @DisplayName("before February closes the last closed month is January, and the writer looks once a day")
    void onceADayAfterTheClose() throws SQLException {
        Database database = database("writer-rollup-day");
        sink(database, "2025-03-01T23:00:00Z").write(views("2025-02", "v1"), List.of());
        assertThat(rolledUp(database)).containsExactly(JANUARY);
        execute(database, "DELETE FROM crumb_rollup");

        JdbcEventSink closed = sink(database, "2025-03-02T00:10:00Z");
        closed.write(views("2025-02", "v2"), List.of());
        assertThat(rolledUp(database)).containsExactly(FEBRUARY);
        execute(database, "DELETE FROM crumb_rollup");
        closed.write(views("2025-02", "v3"), List.of());
        assertThat(rolledUp(database)).as("looked already today").isEmpty();
    }

    @Test
    @DisplayName("a rollup that fails leaves the writer's batch written, once, and says so in the log")
    void failedRollupKeepsTheBatch() throws SQLException {
        Database database = database("writer-rollup-fails");
        execute(database, "DROP TABLE crumb_month_day");

        sink(database, "2025-03-05T08:00:00Z").write(views("2025-02", "v1"), List.of());

        assertThat(rolledUp(database)).isEmpty();
        assertThat(count(database, "SELECT COUNT(*) FROM crumb_visit")).isEqualTo(2);
    }

    private static void execute(Database database, String sql) throws SQLException {
        database.inTransaction("test", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    private static long count(Database database, String sql) {
        return database.inSnapshot("count", connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
