package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbStores;
import dev.crumb.testsupport.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollup guard on databases that several servers write to: a month is not rolled up while a writer that
 * has not seen it rolled up is still changing its day rows. The test plays such a writer on a connection of its
 * own: it takes the writer's guard, changes a day row of January and keeps its transaction open; the rollup of
 * January must wait for it and then include the change.
 */
@DisplayName("Month rollups wait for writers in flight")
class RollupGuardTest {
    private static final LocalDate JANUARY = LocalDate.parse("2025-01-01");

    @TempDir
    Path directory;

    @Test
    @DisplayName("on PostgreSQL (a shared advisory lock per writer, an exclusive one per rollup)")
    void postgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create();
             JdbcCrumbStore store = (JdbcCrumbStore) CrumbStores.jdbc(database.url(), database.user(),
                     database.password());
             Connection writer = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            rollupWaitsForWriter(store, writer, Dialect.POSTGRESQL);
        }
    }

    @Test
    @DisplayName("on an H2 server (the row of crumb_rollup_lock)")
    void h2Server() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(), "-ifNotExists")
                .start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/crumb";
        try (JdbcCrumbStore store = (JdbcCrumbStore) CrumbStores.jdbc(url, "crumb", "");
             Connection writer = DriverManager.getConnection(JdbcUrls.completeH2(url), "crumb", "")) {
            rollupWaitsForWriter(store, writer, Dialect.H2);
        } finally {
            server.stop();
        }
    }

    private static void rollupWaitsForWriter(JdbcCrumbStore store, Connection writer, Dialect dialect)
            throws Exception {
        store.events().write(List.of(Events.view("2025-01-05T10:00:00Z", "v1", 1, "/", "DE", "de", null)),
                List.of());
        writer.setAutoCommit(false);
        try (Statement statement = writer.createStatement()) {
            statement.executeUpdate("UPDATE crumb_day_count SET amount = amount + 5"
                    + " WHERE start_day = DATE '2025-01-05' AND metric = 'visits' AND item = ''");
            try (ResultSet ignored = statement.executeQuery(dialect.rollupGuard(false))) {
                // the writer's guard, held until it commits
            }
        }

        CompletableFuture<Void> rollup = CompletableFuture.runAsync(() -> store.monthRollups().rollUp(JANUARY));
        Thread.sleep(400);
        assertThat(rollup).as("the rollup waits while the writer's transaction is open").isNotDone();

        writer.commit();
        rollup.get(10, TimeUnit.SECONDS);
        MonthRowsCheck.assertSumsOfDays(store.monthRollups().database(), JANUARY);
        assertThat(store.analytics().summary(JANUARY, MonthRollups.lastDayOf(JANUARY)).visits()).isEqualTo(6);
    }
}
