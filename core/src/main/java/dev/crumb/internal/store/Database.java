package dev.crumb.internal.store;

import dev.crumb.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs units of work on the store's database, each in its own transaction. Work that loses a race with
 * another server (a serialization failure, a deadlock, or H2's MERGE meeting a concurrent insert) is
 * retried a few times from the start, which is safe because each unit is one transaction.
 */
final class Database {
    /** SQL states of failures that a retry of the whole transaction resolves. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505", "HYT00", "90131");
    private static final int ATTEMPTS = 5;

    /** The writer lock of each embedded H2 database this JVM opened, by URL without its settings. */
    private static final ConcurrentHashMap<String, ReentrantLock> EMBEDDED_WRITERS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final Dialect dialect;
    private volatile Optional<ReentrantLock> embeddedWriters;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Whether the analytics writers must lock their visitors' {@code crumb_visitor} rows: on PostgreSQL and on an
     * H2 server several processes may write. An embedded H2 database belongs to one process (H2 locks its file),
     * so there the writers, retention and erasure take turns on one lock of this JVM instead
     * ({@link #inWriterTransaction}) and write no lock rows.
     */
    boolean writersLockRows() {
        return embeddedWriters().isEmpty();
    }

    /**
     * Runs {@code work} like {@link #inTransaction}; on an embedded H2 database, holding the lock that every
     * store of this JVM on that database shares, so the writer's per-visitor state is never changed by two
     * transactions at once.
     */
    <T> T inWriterTransaction(String what, Work<T> work) {
        Optional<ReentrantLock> lock = embeddedWriters();
        if (lock.isEmpty()) {
            return inTransaction(what, work);
        }
        lock.get().lock();
        try {
            return inTransaction(what, work);
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Runs {@code chunk} in one {@link #inWriterTransaction} after another until one handles fewer than
     * {@code size} rows, so a long clean-up never holds one long transaction; returns the rows handled.
     */
    long inWriterChunks(String what, int size, Work<Integer> chunk) {
        long total = 0;
        while (true) {
            int handled = inWriterTransaction(what, chunk);
            total += handled;
            if (handled < size) {
                return total;
            }
        }
    }

    private Optional<ReentrantLock> embeddedWriters() {
        Optional<ReentrantLock> known = embeddedWriters;
        if (known == null) {
            known = embeddedWritersOf(dialect == Dialect.H2 ? url() : null);
            embeddedWriters = known;
        }
        return known;
    }

    private String url() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            // Not knowing is safe: the writers then lock rows, as on a server.
            return null;
        }
    }

    /** The shared lock of an embedded H2 URL ({@code mem:} or a file, without {@code AUTO_SERVER}); else none. */
    static Optional<ReentrantLock> embeddedWritersOf(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:")
                || upper.replace(" ", "").contains(";AUTO_SERVER=TRUE")) {
            return Optional.empty();
        }
        int settings = url.indexOf(';');
        String database = settings < 0 ? url : url.substring(0, settings);
        return Optional.of(EMBEDDED_WRITERS.computeIfAbsent(database, d -> new ReentrantLock(true)));
    }

    /** One unit of work on a connection; the caller commits nothing, {@link #inTransaction} does. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it; on failure rolls back and, for a retryable
     * failure, starts again. {@code what} names the operation for the error message.
     */
    <T> T inTransaction(String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                last = e;
                if (!RETRYABLE.contains(e.getSQLState())) {
                    break;
                }
                pauseBeforeRetry(attempt);
            }
        }
        throw new StoreException("Crumb could not " + what + " (SQL state " + last.getSQLState()
                + "); check that the database is reachable and that its schema is Crumb's", last);
    }

    /** Runs read-only {@code work} on one snapshot, so that every query sees the same data. */
    <T> T inSnapshot(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Crumb could not " + what + " (SQL state " + e.getSQLState()
                    + "); check that the database is reachable and that its schema is Crumb's", e);
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
