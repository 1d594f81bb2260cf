package dev.crumb.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.SecurityRecords;
import dev.crumb.store.StoreException;
import dev.crumb.store.VisitorRecords;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on PostgreSQL or H2. Opening it checks the connection and applies the migrations, so a
 * wrong URL or password fails at start-up with a message that says what to check.
 */
final class JdbcCrumbStore implements CrumbStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCrumbStore.class);
    /** The variable that Crumb's documentation and demo read the database password from. */
    static final String PASSWORD_VARIABLE = "CRUMB_DB_PASSWORD";

    private final AutoCloseable ownedPool;
    private final ConsentLog consentLog;
    private final EmailRegistry emails;
    private final EventSink events;
    private final AnalyticsReader analytics;
    private final SecurityRecords security;
    private final VisitorRecords visitorRecords;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MonthRollups rollups;

    private JdbcCrumbStore(DataSource dataSource, Dialect dialect, AutoCloseable ownedPool, int chainCapacity) {
        Database database = new Database(dataSource, dialect);
        this.ownedPool = ownedPool;
        this.consentLog = new JdbcConsentLog(database);
        this.emails = new JdbcEmailRegistry(database);
        this.rollups = new MonthRollups(database, Clock.systemUTC());
        this.events = new JdbcEventSink(database, JdbcEventSink.DELETE_CHUNK, chainCapacity, rollups);
        this.analytics = new JdbcAnalyticsReader(database, rollups);
        this.security = new JdbcSecurityRecords(database);
        this.visitorRecords = new JdbcVisitorRecords(database);
    }

    /** How long a request waits for a database connection before the store reports it unavailable. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** Opens a store on a pool of its own for {@code url}; closing the store closes the pool. */
    public static JdbcCrumbStore open(String url, String user, String password) {
        Dialect dialect = Dialect.forUrl(url);
        String completeUrl = dialect == Dialect.H2 ? JdbcUrls.completeH2(url) : url;
        HikariConfig config = new HikariConfig();
        config.setPoolName("crumb");
        JdbcDrivers.require(dialect);
        // Before the pool's configuration loads the driver class, which registers it.
        Set<Driver> driversBefore = JdbcDrivers.registered();
        JdbcDrivers.register(dialect);
        config.setDriverClassName(JdbcDrivers.className(dialect));
        config.setJdbcUrl(completeUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        // A consent POST waits for a connection while the database is down: answer 503 after seconds,
        // not after Hikari's default 30 s. The background writer simply retries.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (dialect == Dialect.POSTGRESQL && !url.contains("socketTimeout")) {
            // A half-open connection (network cut) must not hang a request forever either.
            config.addDataSourceProperty("socketTimeout", "30");
        }
        if (dialect == Dialect.POSTGRESQL && !url.contains("reWriteBatchedInserts")) {
            // Sends a batch of inserts and upserts as multi-row statements: several times faster writes.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        // Fail at start-up after one attempt instead of serving requests that cannot be recorded.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            JdbcDrivers.deregisterSince(driversBefore);
            throw unreachable(url, user, e);
        }
        AutoCloseable owned = () -> {
            pool.close();
            JdbcDrivers.awaitPoolThreads(config.getPoolName());
            JdbcDrivers.deregisterSince(driversBefore);
        };
        try {
            return start(pool, dialect, owned, VisitorChains.DEFAULT_CAPACITY);
        } catch (RuntimeException e) {
            try {
                owned.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Opens a store on a caller's pool, which the store uses but never closes. */
    public static JdbcCrumbStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.forProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("Crumb could not connect to the database of the given DataSource ("
                    + e.getMessage() + "); check its URL, that the database server runs, and its password", e);
        }
        return start(dataSource, dialect, null, VisitorChains.DEFAULT_CAPACITY);
    }

    /** For tests: the month rollups, to roll up a month whenever a test needs it. */
    MonthRollups monthRollups() {
        return rollups;
    }

    /**
     * For tests: a store on a caller's pool whose writer keeps at most about {@code chainCapacity} characters
     * of a visitor's chains in one row of {@code crumb_visitor_chains}, so that small data needs several rows.
     */
    static JdbcCrumbStore openWithChainCapacity(DataSource dataSource, Dialect dialect, int chainCapacity) {
        return start(dataSource, dialect, null, chainCapacity);
    }

    private static JdbcCrumbStore start(DataSource dataSource, Dialect dialect, AutoCloseable ownedPool,
                                        int chainCapacity) {
        try {
            Migrations.apply(dataSource, dialect);
        } catch (RuntimeException e) {
            throw new StoreException("Crumb could not bring the " + dialect + " database to its current schema ("
                    + e.getMessage() + "); check that the user may create tables in the database", e);
        }
        LOG.info("Crumb store ready on {}", dialect);
        return new JdbcCrumbStore(dataSource, dialect, ownedPool, chainCapacity);
    }

    private static StoreException unreachable(String url, String user, RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new StoreException("Crumb could not connect to " + JdbcUrls.withoutSecrets(url) + " as user '" + user
                + "' (" + cause.getMessage() + "); check the URL, that the database server runs and accepts"
                + " connections from this host, and the password (" + PASSWORD_VARIABLE + ")", e);
    }

    @Override
    public ConsentLog consentLog() {
        return consentLog;
    }

    @Override
    public EmailRegistry emails() {
        return emails;
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public AnalyticsReader analytics() {
        return analytics;
    }

    @Override
    public SecurityRecords security() {
        return security;
    }

    @Override
    public VisitorRecords visitorRecords() {
        return visitorRecords;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                LOG.warn("Crumb store: closing the connection pool failed: {}", e.toString());
            }
        }
    }
}
