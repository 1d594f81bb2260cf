package dev.crumb.internal.store;

import dev.crumb.store.StoredVisit;
import dev.crumb.store.StoredVisits;
import dev.crumb.store.VisitorRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The per-visitor rows over the V1/V2 tables: {@code crumb_visit} with the paths its row holds and
 * {@code crumb_visit_page} with those that did not fit (the per-visit truth, {@link VisitPages}), raw
 * {@code crumb_page_view} rows and the {@code crumb_visitor} lock row. Erasure goes
 * through {@link VisitorKeyTables}; retention deletes whole visits, a chunk per transaction.
 */
final class JdbcVisitorRecords implements VisitorRecords {

    /** Visits deleted per transaction by {@link #deleteVisitsEndedBefore}. */
    static final int DELETE_CHUNK = 500;

    private final Database database;
    private final int chunk;

    JdbcVisitorRecords(Database database) {
        this(database, DELETE_CHUNK);
    }

    JdbcVisitorRecords(Database database, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be 1 or more, was " + chunk);
        }
        this.database = Objects.requireNonNull(database, "database");
        this.chunk = chunk;
    }

    @Override
    public StoredVisits visits(String visitorKey, int visitLimit) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        if (visitLimit < 0) {
            throw new IllegalArgumentException("visitLimit must be 0 or more, was " + visitLimit);
        }
        return database.inTransaction("read a visitor's stored visits", connection -> {
            long count;
            long views;
            Long first;
            Long last;
            try (PreparedStatement totals = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(pageviews), 0),"
                    + " MIN(first_ms), MAX(last_ms) FROM crumb_visit WHERE visitor_key = ?")) {
                totals.setString(1, visitorKey);
                try (ResultSet row = totals.executeQuery()) {
                    row.next();
                    count = row.getLong(1);
                    views = row.getLong(2);
                    first = (Long) row.getObject(3, Long.class);
                    last = (Long) row.getObject(4, Long.class);
                }
            }
            if (count == 0) {
                return StoredVisits.NONE;
            }
            Map<Integer, Map<String, Long>> pages = pages(connection, visitorKey);
            List<StoredVisit> visits = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT visit_number, first_ms, last_ms, pageviews,"
                    + " entry_path, exit_path, entry_referrer, entry_country, entry_language, pages, pages_spilled"
                    + " FROM crumb_visit"
                    + " WHERE visitor_key = ? ORDER BY first_ms DESC, visit_number DESC LIMIT ?")) {
                select.setString(1, visitorKey);
                select.setInt(2, visitLimit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int number = rows.getInt(1);
                        Map<String, Long> visitPages = new TreeMap<>(VisitPages.decode(rows.getString(10),
                                rows.getBoolean(11)).views());
                        pages.getOrDefault(number, Map.of()).forEach((path, n) -> visitPages.merge(path, n, Long::sum));
                        visits.add(new StoredVisit(number, Instant.ofEpochMilli(rows.getLong(2)),
                                Instant.ofEpochMilli(rows.getLong(3)), rows.getLong(4), rows.getString(5), rows.getString(6),
                                rows.getString(7), rows.getString(8), rows.getString(9),
                                new LinkedHashMap<>(visitPages)));
                    }
                }
            }
            return new StoredVisits(count, views, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), visits);
        });
    }

    private static Map<Integer, Map<String, Long>> pages(Connection connection, String visitorKey) throws SQLException {
        Map<Integer, Map<String, Long>> pages = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT visit_number, path, views FROM crumb_visit_page WHERE visitor_key = ? ORDER BY visit_number, path")) {
            select.setString(1, visitorKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pages.computeIfAbsent(rows.getInt(1), n -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        return pages;
    }

    @Override
    public long erase(String visitorKey) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        return database.inDurableWriterTransaction("erase a visitor's rows", connection -> {
            long deleted = 0;
            for (String table : VisitorKeyTables.ERASED_ON_FORGET) {
                // Table names come from the constant list above, never from input.
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE visitor_key = ?")) {
                    delete.setString(1, visitorKey);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    @Override
    public long deleteVisitsEndedBefore(Instant before) {
        long cutoff = Objects.requireNonNull(before, "before").toEpochMilli();
        // A visit that ended before the cut-off started on its day or earlier: the index on start_day (V14) finds
        // it, where one on last_ms would cost the writer an index entry on every update of a visit.
        LocalDate cutoffDay = before.atZone(ZoneOffset.UTC).toLocalDate();
        long deleted = database.inWriterChunks("delete visits past their retention", chunk,
                connection -> deleteChunk(connection, cutoffDay, cutoff));
        // Raw page views and the writer's per-visitor state of days before the cut-off, in short chunks
        // through their indexes: the writer never reads days that old again (events arrive as they happen).
        new ChunkedDelete("crumb_page_view", "id", "viewed_at", chunk).deleteBefore(database, ChunkedDelete.timestamp(before));
        new ChainRetention(database, chunk).trimBefore(cutoffDay);
        // A visitor's lock row goes only with the last of its rows: the writer treats a visitor without one as
        // new and inserts its state, which must then not exist.
        database.inTransaction("delete visitor rows without visits", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crumb_visitor WHERE NOT EXISTS"
                    + " (SELECT 1 FROM crumb_visit v WHERE v.visitor_key = crumb_visitor.visitor_key)"
                    + " AND NOT EXISTS (SELECT 1 FROM crumb_visitor_chains c WHERE c.visitor_key = crumb_visitor.visitor_key)")) {
                return delete.executeUpdate();
            }
        });
        return deleted;
    }

    /**
     * Deletes up to {@link #chunk} visits that ended before {@code cutoff}, found in start-day order. The visits of
     * the cut-off's own day that end later are passed over by each chunk that reaches that day: a few chunks per
     * daily run, each reading at most one day's visits.
     */
    private int deleteChunk(Connection connection, LocalDate lastStartDay, long cutoff)
            throws SQLException {
        List<Object[]> visits = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT visitor_key, visit_number FROM crumb_visit"
                + " WHERE start_day <= ? AND last_ms < ? ORDER BY start_day LIMIT ?")) {
            select.setObject(1, lastStartDay);
            select.setLong(2, cutoff);
            select.setInt(3, chunk);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    visits.add(new Object[] {rows.getString(1), rows.getInt(2)});
                }
            }
        }
        for (String table : List.of("crumb_visit_page", "crumb_visit")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE visitor_key = ? AND visit_number = ?")) {
                for (Object[] visit : visits) {
                    delete.setString(1, (String) visit[0]);
                    delete.setInt(2, (Integer) visit[1]);
                    delete.addBatch();
                }
                if (!visits.isEmpty()) {
                    delete.executeBatch();
                }
            }
        }
        return visits.size();
    }
}
