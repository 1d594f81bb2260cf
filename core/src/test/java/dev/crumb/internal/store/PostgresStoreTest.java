package dev.crumb.internal.store;

import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

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

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
