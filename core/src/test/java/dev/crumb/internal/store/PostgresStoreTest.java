package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.anonymous;
import static dev.crumb.internal.store.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbStores;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL: one database for the class, emptied before each test. */
@DisplayName("PostgreSQL store")
class PostgresStoreTest extends DatabaseStoreContract {
    private static PostgresDatabase database;
    private static CrumbStore store;

    @BeforeAll
    static void openStore() {
        database = PostgresDatabase.create();
        store = CrumbStores.jdbc(database.url(), database.user(), database.password());
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        execute("TRUNCATE crumb_consent, crumb_email_opt_in, crumb_email_suppression, crumb_anonymous_day,"
                + " crumb_day_count, crumb_day_repeat, crumb_security, crumb_rollup, crumb_month_count,"
                + " crumb_month_repeat, crumb_month_day, " + String.join(", ", VisitorKeyTables.ANALYTICS));
        execute("ALTER TABLE crumb_anonymous_day DROP CONSTRAINT IF EXISTS test_failure");
    }

    @Override
    CrumbStore store() {
        return store;
    }

    @Override
    void failWritesOfAnonymousPath(String path) throws Exception {
        execute("ALTER TABLE crumb_anonymous_day ADD CONSTRAINT test_failure CHECK (path <> '" + path + "')");
    }

    @Test
    @DisplayName("writeOrDefer leaves the page views of a visitor another writer holds for later and writes the rest;"
            + " written later, every range is exact")
    void defersVisitorsAnotherWriterHolds() throws Exception {
        PageView earlier = view("2025-03-10T10:00:00Z", "held", 1, "/", "DE", "de", null);
        store.events().write(List.of(earlier), List.of());
        PageView ofHeld = view("2025-03-10T10:05:00Z", "held", 1, "/a", "DE", "de", null);
        List<PageView> batch = List.of(ofHeld, view("2025-03-10T10:06:00Z", "free", 1, "/b", "FR", "fr", null),
                view("2025-03-11T09:00:00Z", "new", 1, "/", "DE", "de", "news.test"));
        List<AnonymousPageView> anonymousViews = List.of(anonymous("2025-03-10T11:00:00Z", "/c"));
        List<PageView> deferred;
        try (Connection other = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeQuery("SELECT visitor_key FROM crumb_visitor WHERE visitor_key = 'held' FOR UPDATE")
                        .close();
            }
            deferred = store.events().writeOrDefer(batch, anonymousViews, false);
            other.rollback();
        }

        assertThat(deferred).containsExactly(ofHeld);
        assertThat(store.analytics().summary(D1, D1.plusDays(1)).pageviews()).isEqualTo(3);
        assertThat(store.events().writeOrDefer(deferred, List.of(), false)).isEmpty();
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(List.of(earlier), List.of());
        oracle.write(batch, anonymousViews);
        assertOracleOnEveryRange(store, oracle, D1.minusDays(1), D1.plusDays(2));
    }

    @Test
    @DisplayName("A visitor whose lock row was deleted after the writer last locked it is deferred once, then written")
    void lockRowDeletedBehindTheWriter() throws Exception {
        PageView first = view("2025-03-10T10:00:00Z", "gone", 1, "/", "DE", "de", null);
        assertThat(store.events().writeOrDefer(List.of(first), List.of(), false)).isEmpty();
        // As retention and erasure do for a visitor without visits; the writer still remembers the row.
        execute("DELETE FROM crumb_visitor WHERE visitor_key = 'gone'");
        PageView later = view("2025-03-10T10:05:00Z", "gone", 1, "/a", "DE", "de", null);

        assertThat(store.events().writeOrDefer(List.of(later), List.of(), false))
                .as("skipped the insert of a row it believed was there, so found it neither free nor held")
                .containsExactly(later);
        assertThat(query("SELECT COUNT(*) FROM crumb_visitor WHERE visitor_key = 'gone'")).isZero();
        assertThat(store.events().writeOrDefer(List.of(later), List.of(), false)).isEmpty();
        assertThat(query("SELECT COUNT(*) FROM crumb_visitor WHERE visitor_key = 'gone'")).isEqualTo(1);

        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(List.of(first, later), List.of());
        assertOracleOnEveryRange(store, oracle, D1.minusDays(1), D1.plusDays(2));
    }

    @Test
    @DisplayName("V14: crumb_visit's indexes hold no column the writer updates, so its updates stay heap-only")
    void visitIndexesLeaveUpdatedColumnsOut() throws Exception {
        assertThat(query("SELECT COUNT(DISTINCT a.attname) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                + " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'crumb_visit'::regclass"
                + " AND a.attname NOT IN ('visitor_key', 'visit_number', 'start_day')"))
                .as("indexed columns of crumb_visit besides its key and start_day").isZero();
        assertThat(query("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'crumb_visit'"
                + " AND indexname = 'crumb_visit_by_start_day'")).as("retention's index").isEqualTo(1);
    }

    @Test
    @DisplayName("V13 gives the chain and lock rows PostgreSQL's default storage back, after V12 changed it")
    void chainRowsHaveDefaultStorage() throws Exception {
        assertThat(query("SELECT COUNT(*) FROM pg_class WHERE relname IN ('crumb_visitor_chains', 'crumb_visitor')"))
                .isEqualTo(2);
        assertThat(query("SELECT COUNT(*) FROM pg_class WHERE relname IN ('crumb_visitor_chains', 'crumb_visitor')"
                + " AND reloptions IS NOT NULL AND CARDINALITY(reloptions) > 0")).as("tables with storage settings")
                .isZero();
        assertThat(query("SELECT COUNT(*) FROM crumb_schema_history WHERE version IN ('12', '13') AND success"))
                .isEqualTo(2);
    }

    private static long query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
