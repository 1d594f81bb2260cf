package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Visit retention of the visitor-day chains: removes the days before a cut-off from the rows of
 * {@code crumb_visitor_chains}, deleting a row that keeps no chain. Rows are found through the index on
 * {@code first_day}, a chunk per transaction; each chunk takes its visitors' writer locks ({@link VisitorLocks},
 * or on embedded H2 the database's writer lock, {@link Database#inWriterTransaction}) before it reads the rows
 * again and rewrites them, so a batch of page views writing the same chains at the same time waits instead of
 * losing a day or bringing a trimmed one back.
 */
final class ChainRetention {
    private final Database database;
    private final VisitorLocks locks;
    private final int chunk;

    ChainRetention(Database database, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be 1 or more, was " + chunk);
        }
        this.database = Objects.requireNonNull(database, "database");
        this.locks = new VisitorLocks(database.dialect());
        this.chunk = chunk;
    }

    /** Removes every chain day before {@code cutoff}; returns the number of rows changed or deleted. */
    long trimBefore(LocalDate cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.inWriterChunks("trim visitor-day chains past their retention", chunk,
                connection -> trimChunk(connection, cutoff));
    }

    private int trimChunk(Connection connection, LocalDate cutoff) throws SQLException {
        TreeMap<String, TreeSet<Integer>> parts = new TreeMap<>();
        int found = 0;
        try (PreparedStatement find = connection.prepareStatement("SELECT visitor_key, part FROM crumb_visitor_chains"
                + " WHERE first_day < ? ORDER BY first_day LIMIT ?")) {
            find.setObject(1, cutoff);
            find.setInt(2, chunk);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    parts.computeIfAbsent(rows.getString(1), key -> new TreeSet<>()).add(rows.getInt(2));
                    found++;
                }
            }
        }
        if (found == 0) {
            return 0;
        }
        if (database.writersLockRows()) {
            locks.lock(connection, new TreeSet<>(parts.keySet()));
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT chains FROM crumb_visitor_chains"
                + " WHERE visitor_key = ? AND part = ?");
             PreparedStatement update = connection.prepareStatement(VisitorChains.UPDATE_ROW);
             PreparedStatement delete = connection.prepareStatement(VisitorChains.DELETE_ROW)) {
            for (Map.Entry<String, TreeSet<Integer>> visitor : parts.entrySet()) {
                // The parts are trimmed one by one: a trimmed part never grows, so none moves to another.
                VisitorChains chains = new VisitorChains(visitor.getKey(), VisitorChains.DEFAULT_CAPACITY);
                for (int part : visitor.getValue()) {
                    read.setString(1, visitor.getKey());
                    read.setInt(2, part);
                    try (ResultSet row = read.executeQuery()) {
                        if (row.next()) {
                            chains.addStored(part, row.getString(1));
                        }
                    }
                }
                chains.trimBefore(cutoff);
                for (VisitorChains.Row row : chains.changedRows()) {
                    if (row.isDelete()) {
                        row.bindKey(delete, 1);
                        delete.executeUpdate();
                    } else {
                        row.bind(update, true);
                        update.executeUpdate();
                    }
                }
            }
        }
        return found;
    }
}
