package dev.crumb.internal.store;

import dev.crumb.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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

    private final DataSource dataSource;
    private final Dialect dialect;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
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
