package dev.crumb.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes the rows of a table older than a cut-off in transactions of at most {@code chunk} rows, oldest
 * first, so that purging months of data never holds one long transaction, long locks or a huge undo: each
 * chunk finds its rows through an index on the time column and deletes them by key. Writers and readers
 * carry on between chunks. Each chunk is one query for the keys and one JDBC batch of deletes by key. Used for raw page views; meant for any retention of per-visitor rows (for
 * example visits older than N months: key {@code visitor_key, visit_number}, column {@code start_day}).
 *
 * @param table      the table
 * @param keyColumns the columns that identify a row, e.g. {@code "id"} or {@code "visitor_key, visit_number"}
 * @param timeColumn the indexed column compared with the cut-off (a timestamp or a date)
 * @param chunk      the most rows deleted per transaction
 */
record ChunkedDelete(String table, String keyColumns, String timeColumn, int chunk) {

    ChunkedDelete {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyColumns, "keyColumns");
        Objects.requireNonNull(timeColumn, "timeColumn");
        if (chunk < 1) {
            throw new IllegalArgumentException("deleteChunk must be 1 or more, was " + chunk);
        }
    }

    /**
     * Deletes every row whose time column is before {@code before} ({@link Times#column} for timestamps,
     * a {@link java.time.LocalDate} for dates) and returns how many were deleted.
     */
    long deleteBefore(Database database, Object before) {
        Objects.requireNonNull(before, "before");
        String[] keys = keyColumns.split(",\\s*");
        String select = "SELECT " + keyColumns + " FROM " + table + " WHERE " + timeColumn + " < ? ORDER BY "
                + timeColumn + " LIMIT ?";
        String delete = "DELETE FROM " + table + " WHERE " + String.join(" = ? AND ", keys) + " = ?";
        long deleted = 0;
        while (true) {
            // The keys are read first and deleted by key in the same transaction: a DELETE … IN (SELECT … LIMIT)
            // may see its subquery evaluated again while it deletes and stop short of a full chunk.
            int[] chunkResult = database.inTransaction("delete old rows of " + table, connection -> {
                int found = 0;
                int removed = 0;
                try (PreparedStatement find = connection.prepareStatement(select);
                     PreparedStatement remove = connection.prepareStatement(delete)) {
                    find.setObject(1, before);
                    find.setInt(2, chunk);
                    try (ResultSet rows = find.executeQuery()) {
                        while (rows.next()) {
                            for (int k = 1; k <= keys.length; k++) {
                                remove.setObject(k, rows.getObject(k));
                            }
                            remove.addBatch();
                            found++;
                        }
                    }
                    if (found > 0) {
                        for (int count : remove.executeBatch()) {
                            removed += Math.max(count, 0);
                        }
                    }
                }
                return new int[] {found, removed};
            });
            deleted += chunkResult[1];
            if (chunkResult[0] < chunk) {
                return deleted;
            }
        }
    }

    /** The cut-off of a timestamp column for {@code before}. */
    static Object timestamp(Instant before) {
        return Times.column(before);
    }
}
