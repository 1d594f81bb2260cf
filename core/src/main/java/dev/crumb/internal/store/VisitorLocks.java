package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * The writer's per-visitor lock: an upsert of each visitor's {@code crumb_visitor} row, in key order, held until
 * the transaction ends. Whatever reads a visitor's analytics state to rewrite it (a batch of page views, the
 * trimming of old chain days) takes it first, so the two never overwrite each other's rows, and taking it in
 * key order makes them wait for each other rather than deadlock.
 */
final class VisitorLocks {
    private final String upsert;
    private final String insertMissing;
    private final String lockAvailable;

    VisitorLocks(Dialect dialect) {
        this.upsert = dialect.upsert("crumb_visitor", "visitor_key, batches", "visitor_key",
                "batches = v.batches + n.batches");
        this.insertMissing = "INSERT INTO crumb_visitor (visitor_key, batches) SELECT k.vk, 0 FROM "
                + KeyList.VISITOR_KEYS.table(dialect, "k") + " ON CONFLICT (visitor_key) DO NOTHING";
        this.lockAvailable = "SELECT c.visitor_key FROM crumb_visitor c JOIN "
                + KeyList.VISITOR_KEYS.table(dialect, "k") + " ON c.visitor_key = k.vk FOR UPDATE OF c SKIP LOCKED";
    }

    /**
     * Inserts the lock rows of {@code visitors} that do not exist yet. The caller commits them in a transaction of
     * their own, so that {@link #lockAvailable} finds every visitor's row and another writer inserting the same
     * new visitor waits only for that short transaction. PostgreSQL only.
     */
    void insertMissing(Connection connection, SortedSet<String> visitors) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertMissing)) {
            KeyList.VISITOR_KEYS.bind(connection, insert, 1, new ArrayList<>(visitors));
            insert.executeUpdate();
        }
    }

    /**
     * Locks the rows of those of {@code visitors} that no other transaction holds, without waiting, until
     * {@code connection}'s transaction ends, and returns them. PostgreSQL only ({@code SKIP LOCKED}).
     */
    Set<String> lockAvailable(Connection connection, SortedSet<String> visitors) throws SQLException {
        Set<String> held = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(lockAvailable)) {
            KeyList.VISITOR_KEYS.bind(connection, select, 1, new ArrayList<>(visitors));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getString(1));
                }
            }
        }
        return held;
    }

    /** Locks {@code visitors} (in their sorted order) until {@code connection}'s transaction ends. */
    void lock(Connection connection, SortedSet<String> visitors) throws SQLException {
        if (visitors.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (String visitor : visitors) {
                statement.setString(1, visitor);
                statement.setLong(2, 1);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
