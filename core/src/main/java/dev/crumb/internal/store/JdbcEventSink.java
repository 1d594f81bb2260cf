package dev.crumb.internal.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes page views in one transaction per batch: the raw events, then the visit and per-visit page
 * rollups, then the anonymous daily counts. Rollup rows are upserted in a fixed key order so that
 * servers writing page views of the same visits at once wait for each other instead of deadlocking.
 */
final class JdbcEventSink implements EventSink {
    private static final String INSERT_RAW = "INSERT INTO crumb_page_view (viewed_at, visitor_key, visit_number,"
            + " path, country, language_code, referrer_host) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String ENTRY_IS_EARLIER = "(n.first_ms, n.entry_path, n.entry_referrer, n.entry_country,"
            + " n.entry_language) < (v.first_ms, v.entry_path, v.entry_referrer, v.entry_country, v.entry_language)";
    private static final String VISIT_UPDATES = "pageviews = v.pageviews + n.pageviews"
            + ", first_ms = LEAST(v.first_ms, n.first_ms)"
            + ", last_ms = GREATEST(v.last_ms, n.last_ms)"
            + ", start_day = " + ifEntryIsEarlier("start_day")
            + ", entry_path = " + ifEntryIsEarlier("entry_path")
            + ", entry_referrer = " + ifEntryIsEarlier("entry_referrer")
            + ", entry_country = " + ifEntryIsEarlier("entry_country")
            + ", entry_language = " + ifEntryIsEarlier("entry_language")
            + ", exit_path = CASE WHEN (n.last_ms, n.exit_path) > (v.last_ms, v.exit_path)"
            + " THEN n.exit_path ELSE v.exit_path END";

    private final Database database;
    private final String upsertVisit;
    private final String upsertVisitPage;
    private final String upsertAnonymous;

    JdbcEventSink(Database database) {
        this.database = database;
        Dialect dialect = database.dialect();
        this.upsertVisit = dialect.upsert("crumb_visit", "visitor_key, visit_number, start_day, first_ms, last_ms,"
                + " pageviews, entry_path, entry_referrer, entry_country, entry_language, exit_path",
                "visitor_key, visit_number", VISIT_UPDATES);
        this.upsertVisitPage = dialect.upsert("crumb_visit_page", "visitor_key, visit_number, path, views",
                "visitor_key, visit_number, path", "views = v.views + n.views");
        this.upsertAnonymous = dialect.upsert("crumb_anonymous_day", "view_day, path, views",
                "view_day, path", "views = v.views + n.views");
    }

    private static String ifEntryIsEarlier(String column) {
        return "CASE WHEN " + ENTRY_IS_EARLIER + " THEN n." + column + " ELSE v." + column + " END";
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
        Map<AnonymousDayKey, Long> anonymousCounts = new TreeMap<>();
        for (AnonymousPageView view : anonymous) {
            anonymousCounts.merge(new AnonymousDayKey(Times.utcDay(view.at()), view.path()), 1L, Long::sum);
        }
        database.inTransaction("write a batch of page views", connection -> {
            insertRaw(connection, pageViews);
            upsertVisits(connection, visits.values());
            upsertVisitPages(connection, visitPages);
            upsertAnonymous(connection, anonymousCounts);
            return null;
        });
    }

    @Override
    public long deleteRawEventsBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        return database.inTransaction("delete old raw page views", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM crumb_page_view WHERE viewed_at < ?")) {
                delete.setObject(1, Times.column(before));
                return (long) delete.executeUpdate();
            }
        });
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

    private void upsertVisits(Connection connection, Iterable<VisitRollup> visits) throws SQLException {
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
