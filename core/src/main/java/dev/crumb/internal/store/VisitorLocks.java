package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedSet;

/**
 * The writer's per-visitor lock: an upsert of each visitor's {@code crumb_visitor} row, in key order, held until
 * the transaction ends. Whatever reads a visitor's analytics state to rewrite it (a batch of page views, the
 * trimming of old chain days) takes it first, so the two never overwrite each other's rows, and taking it in
 * key order makes them wait for each other rather than deadlock.
 */
final class VisitorLocks {
    private final String upsert;

    VisitorLocks(Dialect dialect) {
        this.upsert = dialect.upsert("crumb_visitor", "visitor_key, batches", "visitor_key",
                "batches = v.batches + n.batches");
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
