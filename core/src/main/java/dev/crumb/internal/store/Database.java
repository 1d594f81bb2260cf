package dev.crumb.internal.store;

import dev.crumb.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work on the store's database, each in its own transaction. Work that loses a race with
 * another server (a serialization failure, a deadlock, or H2's MERGE meeting a concurrent insert) is
 * retried a few times from the start, which is safe because each unit is one transaction.
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** SQL states of failures that a retry of the whole transaction resolves. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505", "HYT00", "90131");
    private static final int ATTEMPTS = 5;

    /** The writer lock of each embedded H2 database this JVM opened, by URL without its settings. */
    private static final ConcurrentHashMap<String, ReentrantLock> EMBEDDED_WRITERS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final Dialect dialect;
    private volatile Optional<ReentrantLock> embeddedWriters;
    private final AtomicBoolean flushFailureLogged = new AtomicBoolean();

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
        return inWriterTransaction(what, work, false);
    }

    /** Runs {@code work} like {@link #inWriterTransaction}, durable like {@link #inDurableTransaction}. */
    <T> T inDurableWriterTransaction(String what, Work<T> work) {
        return inWriterTransaction(what, work, true);
    }

    private <T> T inWriterTransaction(String what, Work<T> work, boolean durable) {
        Optional<ReentrantLock> lock = embeddedWriters();
        if (lock.isEmpty()) {
            return inTransaction(what, work, durable);
        }
        lock.get().lock();
        try {
            return inTransaction(what, work, durable);
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
     * failure, starts again. {@code what} names the operation for the error message. The commit is as
     * durable as the database makes a commit by default: on H2, written to the file within its
     * {@code WRITE_DELAY}; use {@link #inDurableTransaction} for what must survive a crash once committed.
     */
    <T> T inTransaction(String what, Work<T> work) {
        return inTransaction(what, work, false);
    }

    /**
     * Runs {@code work} like {@link #inTransaction}, and returns only once the commit survives a crash of the
     * JVM: consent records, email choices, erasures and security records. On H2 the changes are written to the
     * file right after the commit ({@link Dialect#flushAfterCommit}).
     */
    <T> T inDurableTransaction(String what, Work<T> work) {
        return inTransaction(what, work, true);
    }

    private <T> T inTransaction(String what, Work<T> work, boolean durable) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    if (durable) {
                        flush(connection);
                    }
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

    /**
     * Writes what is committed to the database's file now. Failing that (an H2 user without admin rights
     * may not run {@code CHECKPOINT}), the commit stands and reaches the file within H2's
     * {@code WRITE_DELAY}; the failure is logged once, as it says how to make commits durable again.
     */
    private void flush(Connection connection) {
        String flush = dialect.flushAfterCommit();
        if (flush == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(flush);
        } catch (SQLException e) {
            if (flushFailureLogged.compareAndSet(false, true)) {
                LOG.warn("Crumb could not write committed consent records to the H2 file at once ({}, SQL state {});"
                        + " they reach it within H2's WRITE_DELAY. Connect as the database's admin user, or have it run"
                        + " SET WRITE_DELAY 0 once (a persistent setting) to write every commit at once", flush,
                        e.getSQLState());
            }
        }
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
