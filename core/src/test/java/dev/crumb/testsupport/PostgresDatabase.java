package dev.crumb.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL database for one test class or one test: {@link #create()} makes a fresh
 * database {@code crumb_test_<random>}, {@link #close()} drops it. Use it with try-with-resources or as a
 * {@code static} field closed in {@code @AfterAll}.
 *
 * <p>The server comes from {@code CRUMB_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code CRUMB_TEST_PG_USER} and
 * {@code CRUMB_TEST_PG_PASSWORD} (both default {@code crumb}); the user needs CREATEDB. When the server
 * cannot be reached the test is skipped with a note on how to start it — or fails, when
 * {@code CRUMB_TEST_REQUIRE_PG=true} or {@code CI=true}, so that CI never passes by skipping.
 */
public final class PostgresDatabase implements AutoCloseable {
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a fresh database, or skips (or fails) the calling test when PostgreSQL is unreachable. */
    public static PostgresDatabase create() {
        String url = setting("CRUMB_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = setting("CRUMB_TEST_PG_USER", "crumb");
        String password = setting("CRUMB_TEST_PG_PASSWORD", "crumb");
        String name = "crumb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(url, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String problem = "PostgreSQL at " + url + " as " + user + " is not usable (" + e.getMessage() + ")";
            if (required()) {
                throw new IllegalStateException(problem + "; CI requires it — run `bash .ci/start-postgres`", e);
            }
            Assumptions.abort(problem + "; skipping. Start it with `bash .ci/start-postgres`"
                    + " or point CRUMB_TEST_PG_URL at a server");
        }
        return new PostgresDatabase(url, user, password, name);
    }

    /** The JDBC URL of the fresh database. */
    public String url() {
        String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
        String query = adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "";
        return base.substring(0, base.lastIndexOf('/') + 1) + name + query;
    }

    public String user() {
        return user;
    }

    /** A plain (unpooled) data source on the fresh database, for code that takes a {@link DataSource}. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    public String password() {
        return password;
    }

    /** The database's name, {@code crumb_test_…}. */
    public String name() {
        return name;
    }

    /**
     * Drops the database, closing any connection still open to it. {@code WITH (FORCE)} may not terminate a
     * backend of another role, such as an autovacuum worker that started on the fresh tables (seen on CI after an
     * upgrade test); a plain {@code DROP DATABASE} makes autovacuum give way, so the drop falls back to it and
     * tries again for a few seconds.
     */
    @Override
    public void close() {
        SQLException last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + (attempt % 2 == 0 ? " WITH (FORCE)" : ""));
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(attempt % 2 == 0 ? 0 : 250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("could not drop test database " + name + ": " + last.getMessage(), last);
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(setting("CRUMB_TEST_REQUIRE_PG", "false"))
                || "true".equalsIgnoreCase(setting("CI", "false"));
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
