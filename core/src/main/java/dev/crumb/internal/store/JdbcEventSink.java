package dev.crumb.internal.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes page views in one transaction per batch: the raw events, then — holding a row lock on each
 * visitor of the batch — the visit rollups and the daily aggregates that the summary reads. For every
 * visitor the batch touches, the writer reads what is stored about the visitor's visits, takes away their
 * old contribution to the aggregates, merges the batch and adds the new contribution, so the aggregates
 * stay exact whatever the order of arrival and however many servers write (see {@code docs/storage.md}).
 * Rows are locked and updated in a fixed key order so that concurrent writers wait instead of deadlocking.
 */
final class JdbcEventSink implements EventSink {
    /** Raw page views deleted per transaction by {@link #deleteRawEventsBefore}. */
    static final int DELETE_CHUNK = 10_000;
    /** Visitor keys per {@code IN (…)} list when reading what is stored about them. */
    private static final int READ_CHUNK = 250;

    private static final String INSERT_RAW = "INSERT INTO crumb_page_view (viewed_at, visitor_key, visit_number,"
            + " path, country, language_code, referrer_host) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String VISIT_COLUMNS = "visitor_key, visit_number, start_day, first_ms, last_ms,"
            + " pageviews, entry_path, entry_referrer, entry_country, entry_language, exit_path";
    private static final String SELECT_VISITS = "SELECT " + VISIT_COLUMNS + " FROM crumb_visit WHERE visitor_key IN ";
    private static final String SELECT_VISIT_PAGES = "SELECT visitor_key, visit_number, path, views"
            + " FROM crumb_visit_page WHERE visitor_key IN ";
    private static final String DELETE_RAW = "DELETE FROM crumb_page_view WHERE id IN (SELECT id FROM crumb_page_view"
            + " WHERE viewed_at < ? ORDER BY viewed_at LIMIT ?)";

    private final Database database;
    private final int deleteChunk;
    private final String lockVisitor;
    private final String upsertVisit;
    private final String upsertVisitPage;
    private final String upsertDayCount;
    private final String upsertDayRepeat;
    private final String upsertAnonymous;

    JdbcEventSink(Database database) {
        this(database, DELETE_CHUNK);
    }

    JdbcEventSink(Database database, int deleteChunk) {
        if (deleteChunk < 1) {
            throw new IllegalArgumentException("deleteChunk must be 1 or more, was " + deleteChunk);
        }
        this.database = database;
        this.deleteChunk = deleteChunk;
        Dialect dialect = database.dialect();
        this.lockVisitor = dialect.upsert("crumb_visitor", "visitor_key, batches", "visitor_key",
                "batches = v.batches + n.batches");
        StringBuilder overwrite = new StringBuilder();
        for (String column : VISIT_COLUMNS.split(",\\s*")) {
            if (!column.equals("visitor_key") && !column.equals("visit_number")) {
                overwrite.append(overwrite.length() == 0 ? "" : ", ").append(column).append(" = n.").append(column);
            }
        }
        this.upsertVisit = dialect.upsert("crumb_visit", VISIT_COLUMNS, "visitor_key, visit_number",
                overwrite.toString());
        this.upsertVisitPage = dialect.upsert("crumb_visit_page", "visitor_key, visit_number, path, views",
                "visitor_key, visit_number, path", "views = v.views + n.views");
        this.upsertDayCount = dialect.upsert("crumb_day_count", "start_day, metric, item, amount",
                "start_day, metric, item", "amount = v.amount + n.amount");
        this.upsertDayRepeat = dialect.upsert("crumb_day_repeat", "start_day, prev_day, metric, item, amount",
                "start_day, prev_day, metric, item", "amount = v.amount + n.amount");
        this.upsertAnonymous = dialect.upsert("crumb_anonymous_day", "view_day, path, views",
                "view_day, path", "views = v.views + n.views");
    }

    @Override
    public void write(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        pageViews.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "page view")));
        anonymous.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "anonymous page view")));
        if (pageViews.isEmpty() && anonymous.isEmpty()) {
            return;
        }
        Map<VisitId, VisitRollup> visits = new TreeMap<>();
        Map<VisitPageKey, Long> visitPages = new TreeMap<>();
        for (PageView view : pageViews) {
            visits.merge(new VisitId(view.visitorKey(), view.visit()), VisitRollup.of(view), VisitRollup::merge);
            visitPages.merge(new VisitPageKey(view.visitorKey(), view.visit(), view.path()), 1L, Long::sum);
        }
        SortedSet<String> visitors = new TreeSet<>();
        visits.keySet().forEach(id -> visitors.add(id.visitorKey()));
        Map<AnonymousDayKey, Long> anonymousCounts = new TreeMap<>();
        for (AnonymousPageView view : anonymous) {
            anonymousCounts.merge(new AnonymousDayKey(Times.utcDay(view.at()), view.path()), 1L, Long::sum);
        }
        database.inTransaction("write a batch of page views", connection -> {
            insertRaw(connection, pageViews);
            lockVisitors(connection, visitors);
            Map<String, VisitorActivity> stored = readActivity(connection, visitors);
            DayCounts changes = new DayCounts();
            stored.values().forEach(activity -> activity.contributeTo(changes, -1));
            List<VisitRollup> merged = new ArrayList<>(visits.size());
            for (VisitRollup visit : visits.values()) {
                VisitorActivity activity = stored.get(visit.id().visitorKey());
                activity.mergeVisit(visit);
                merged.add(activity.visit(visit.id().visit()));
            }
            visitPages.forEach((key, views) ->
                    stored.get(key.visitorKey()).addPageViews(key.visit(), key.path(), views));
            stored.values().forEach(activity -> activity.contributeTo(changes, 1));
            upsertVisits(connection, merged);
            upsertVisitPages(connection, visitPages);
            applyChanges(connection, changes);
            upsertAnonymous(connection, anonymousCounts);
            return null;
        });
    }

    /**
     * Deletes in transactions of at most {@link #DELETE_CHUNK} rows, oldest first, so that purging months
     * of raw events neither holds one huge transaction nor blocks writers for long.
     */
    @Override
    public long deleteRawEventsBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        long deleted = 0;
        while (true) {
            long chunk = database.inTransaction("delete old raw page views", connection -> {
                try (PreparedStatement delete = connection.prepareStatement(DELETE_RAW)) {
                    delete.setObject(1, Times.column(before));
                    delete.setInt(2, deleteChunk);
                    return (long) delete.executeUpdate();
                }
            });
            deleted += chunk;
            if (chunk < deleteChunk) {
                return deleted;
            }
        }
    }

    /** Takes a row lock on each visitor, in key order; held until the batch commits. */
    private void lockVisitors(Connection connection, SortedSet<String> visitors) throws SQLException {
        if (visitors.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(lockVisitor)) {
            for (String visitor : visitors) {
                upsert.setString(1, visitor);
                upsert.setLong(2, 1);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** What is stored about the visits of {@code visitors}: an entry for each, empty for a new visitor. */
    private static Map<String, VisitorActivity> readActivity(Connection connection, SortedSet<String> visitors)
            throws SQLException {
        Map<String, VisitorActivity> activity = new HashMap<>();
        visitors.forEach(visitor -> activity.put(visitor, new VisitorActivity()));
        List<String> keys = new ArrayList<>(visitors);
        for (int from = 0; from < keys.size(); from += READ_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + READ_CHUNK));
            String in = "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(SELECT_VISITS + in)) {
                bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        activity.get(rows.getString(1)).mergeVisit(new VisitRollup(
                                new VisitId(rows.getString(1), rows.getInt(2)), rows.getLong(4), rows.getLong(5),
                                rows.getLong(6), rows.getString(7), rows.getString(8), rows.getString(9),
                                rows.getString(10), rows.getString(11)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(SELECT_VISIT_PAGES + in)) {
                bind(select, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        activity.get(rows.getString(1)).addPageViews(rows.getInt(2), rows.getString(3),
                                rows.getLong(4));
                    }
                }
            }
        }
        return activity;
    }

    private static void bind(PreparedStatement select, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            select.setString(i + 1, keys.get(i));
        }
    }

    private void insertRaw(Connection connection, List<PageView> pageViews) throws SQLException {
        if (pageViews.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RAW)) {
            for (PageView view : pageViews) {
                insert.setObject(1, Times.column(view.at()));
                insert.setString(2, view.visitorKey());
                insert.setInt(3, view.visit());
                insert.setString(4, view.path());
                insert.setString(5, view.country());
                insert.setString(6, view.language());
                if (view.referrerHost() == null) {
                    insert.setNull(7, Types.VARCHAR);
                } else {
                    insert.setString(7, view.referrerHost());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void upsertVisits(Connection connection, List<VisitRollup> visits) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(upsertVisit)) {
            boolean any = false;
            for (VisitRollup visit : visits) {
                upsert.setString(1, visit.id().visitorKey());
                upsert.setInt(2, visit.id().visit());
                upsert.setObject(3, visit.startDay());
                upsert.setLong(4, visit.firstMs());
                upsert.setLong(5, visit.lastMs());
                upsert.setLong(6, visit.pageviews());
                upsert.setString(7, visit.entryPath());
                upsert.setString(8, visit.entryReferrer());
                upsert.setString(9, visit.entryCountry());
                upsert.setString(10, visit.entryLanguage());
                upsert.setString(11, visit.exitPath());
                upsert.addBatch();
                any = true;
            }
            if (any) {
                upsert.executeBatch();
            }
        }
    }

    private void upsertVisitPages(Connection connection, Map<VisitPageKey, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsertVisitPage)) {
            for (Map.Entry<VisitPageKey, Long> count : counts.entrySet()) {
                upsert.setString(1, count.getKey().visitorKey());
                upsert.setInt(2, count.getKey().visit());
                upsert.setString(3, count.getKey().path());
                upsert.setLong(4, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void applyChanges(Connection connection, DayCounts changes) throws SQLException {
        SortedMap<DayCounts.DayKey, Long> days = changes.days();
        if (!days.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement(upsertDayCount)) {
                for (Map.Entry<DayCounts.DayKey, Long> change : days.entrySet()) {
                    upsert.setObject(1, change.getKey().day());
                    upsert.setString(2, change.getKey().metric().code());
                    upsert.setString(3, change.getKey().item());
                    upsert.setLong(4, change.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        SortedMap<DayCounts.RepeatKey, Long> repeats = changes.repeats();
        if (!repeats.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement(upsertDayRepeat)) {
                for (Map.Entry<DayCounts.RepeatKey, Long> change : repeats.entrySet()) {
                    upsert.setObject(1, change.getKey().day());
                    upsert.setObject(2, change.getKey().previousDay());
                    upsert.setString(3, change.getKey().metric().code());
                    upsert.setString(4, change.getKey().item());
                    upsert.setLong(5, change.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    private void upsertAnonymous(Connection connection, Map<AnonymousDayKey, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsertAnonymous)) {
            for (Map.Entry<AnonymousDayKey, Long> count : counts.entrySet()) {
                upsert.setObject(1, count.getKey().day());
                upsert.setString(2, count.getKey().path());
                upsert.setLong(3, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The key of a per-visit page count, ordered like the table's primary key. */
    private record VisitPageKey(String visitorKey, int visit, String path) implements Comparable<VisitPageKey> {
        @Override
        public int compareTo(VisitPageKey other) {
            int byVisit = new VisitId(visitorKey, visit).compareTo(new VisitId(other.visitorKey, other.visit));
            return byVisit != 0 ? byVisit : path.compareTo(other.path);
        }
    }

    /** The key of an anonymous daily count. */
    private record AnonymousDayKey(LocalDate day, String path) implements Comparable<AnonymousDayKey> {
        @Override
        public int compareTo(AnonymousDayKey other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : path.compareTo(other.path);
        }
    }
}
