package dev.crumb.internal.store;

import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.PostgresDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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
    @DisplayName("a long chain row is stored uncompressed, on pages that keep room for its updates (V12)")
    void chainRowsStayUncompressed() throws Exception {
        List<PageView> views = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            views.add(Events.view("2025-03-10T10:00:00Z", "v1", 1, "/docs/a-rather-long-page-" + i, "DE", "de", null));
        }
        store.events().write(views, List.of());

        assertThat(query("SELECT MAX(OCTET_LENGTH(chains)) FROM crumb_visitor_chains")).isGreaterThan(2500);
        assertThat(query("SELECT COUNT(*) FROM crumb_visitor_chains WHERE PG_COLUMN_SIZE(chains) < OCTET_LENGTH(chains)"))
                .as("rows compressed by TOAST").isZero();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet options = statement.executeQuery("SELECT relname, ARRAY_TO_STRING(reloptions, ',') FROM pg_class"
                     + " WHERE relname IN ('crumb_visitor_chains', 'crumb_visitor') ORDER BY relname")) {
            assertThat(options.next()).isTrue();
            assertThat(options.getString(2)).isEqualTo("fillfactor=80");
            assertThat(options.next()).isTrue();
            assertThat(options.getString(2)).contains("toast_tuple_target=8160", "fillfactor=70");
        }
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
