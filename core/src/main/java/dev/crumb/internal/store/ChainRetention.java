package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Visit retention of the visitor-day chains: removes the days before a cut-off from the rows of
 * {@code crumb_chain}, deleting a row that keeps none. Rows are found through the index on {@code first_day},
 * a chunk per transaction; each chunk takes its visitors' writer locks ({@link VisitorLocks}, or on embedded H2
 * the database's writer lock, {@link Database#inWriterTransaction}) before it reads
 * the rows again and rewrites them, so a batch of page views writing the same chain at the same time waits
 * instead of losing a day or bringing a trimmed one back.
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
        List<ChainDay.Chain> chains = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT visitor_key, metric, item FROM crumb_chain"
                + " WHERE first_day < ? ORDER BY first_day LIMIT ?")) {
            find.setObject(1, cutoff);
            find.setInt(2, chunk);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    chains.add(new ChainDay.Chain(rows.getString(1), Metric.ofCode(rows.getString(2)),
                            rows.getString(3)));
                }
            }
        }
        if (chains.isEmpty()) {
            return 0;
        }
        TreeSet<String> visitors = new TreeSet<>();
        chains.forEach(chain -> visitors.add(chain.visitorKey()));
        if (database.writersLockRows()) {
            locks.lock(connection, visitors);
        }
        chains.sort(ChainDay.Chain.ORDER);
        try (PreparedStatement read = connection.prepareStatement("SELECT first_day, days FROM crumb_chain"
                + " WHERE visitor_key = ? AND metric = ? AND item = ?");
             PreparedStatement update = connection.prepareStatement(ChainDay.Chain.UPDATE_ROW);
             PreparedStatement delete = connection.prepareStatement(ChainDay.Chain.DELETE_ROW)) {
            for (ChainDay.Chain chain : chains) {
                chain.bind(read, 1);
                ChainDays stored;
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                    stored = ChainDays.decode(row.getObject(1, LocalDate.class), row.getString(2));
                }
                ChainDays kept = stored.from(cutoff);
                if (kept.isEmpty()) {
                    chain.bind(delete, 1);
                    delete.executeUpdate();
                } else {
                    update.setObject(1, kept.firstDay());
                    update.setString(2, kept.encoded());
                    chain.bind(update, 3);
                    update.executeUpdate();
                }
            }
        }
        return chains.size();
    }
}
