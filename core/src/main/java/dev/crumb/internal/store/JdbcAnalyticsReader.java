package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the summary from the rollup tables only ({@code crumb_visit}, {@code crumb_visit_page},
 * {@code crumb_anonymous_day}), all queries on one snapshot. The raw events are never read, so the
 * numbers stay exact after retention has deleted them. See {@code docs/storage.md} for the plan.
 */
final class JdbcAnalyticsReader implements AnalyticsReader {
    private static final String IN_RANGE = " FROM crumb_visit WHERE start_day BETWEEN ? AND ?";
    private static final String TOTALS = "SELECT COUNT(DISTINCT visitor_key),"
            + " COUNT(DISTINCT CASE WHEN visit_number = 1 THEN visitor_key END),"
            + " COUNT(DISTINCT CASE WHEN visit_number > 1 THEN visitor_key END),"
            + " COUNT(*), COALESCE(SUM(pageviews), 0),"
            + " COALESCE(SUM(CASE WHEN pageviews = 1 THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(last_ms - first_ms), 0)" + IN_RANGE;
    private static final String DAYS = "SELECT start_day, COUNT(DISTINCT visitor_key), COUNT(*), SUM(pageviews)"
            + IN_RANGE + " GROUP BY start_day";
    private static final String PAGES = "SELECT p.path, SUM(p.views) AS n, COUNT(DISTINCT p.visitor_key)"
            + " FROM crumb_visit v JOIN crumb_visit_page p"
            + " ON p.visitor_key = v.visitor_key AND p.visit_number = v.visit_number"
            + " WHERE v.start_day BETWEEN ? AND ? GROUP BY p.path ORDER BY n DESC, p.path LIMIT " + SummaryLists.LIMIT;
    private static final String ANONYMOUS = "SELECT COALESCE(SUM(views), 0) FROM crumb_anonymous_day"
            + " WHERE view_day BETWEEN ? AND ?";

    private final Database database;

    JdbcAnalyticsReader(Database database) {
        this.database = database;
    }

    @Override
    public AnalyticsSummary summary(LocalDate from, LocalDate to) {
        DateRange range = new DateRange(from, to);
        return database.inSnapshot("compute the analytics summary", connection -> {
            VisitTotals totals = totals(connection, range);
            return new AnalyticsSummary(from, to, totals.visitors(), totals.newVisitors(),
                    totals.returningVisitors(), totals.visits(), totals.pageviews(), anonymous(connection, range),
                    totals.bounceRate(), totals.avgVisitSeconds(), days(connection, range), pages(connection, range),
                    pathVisits(connection, range, "entry_path"), pathVisits(connection, range, "exit_path"),
                    firstVisitAttribute(connection, range, "entry_country").stream()
                            .map(c -> new AnalyticsSummary.CountryVisitors(c.key(), c.count())).toList(),
                    firstVisitAttribute(connection, range, "entry_language").stream()
                            .map(c -> new AnalyticsSummary.LanguageVisitors(c.key(), c.count())).toList(),
                    referrers(connection, range));
        });
    }

    private static VisitTotals totals(Connection connection, DateRange range) throws SQLException {
        try (PreparedStatement select = prepare(connection, TOTALS, range); ResultSet row = select.executeQuery()) {
            row.next();
            return new VisitTotals(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                    row.getLong(6), row.getLong(7));
        }
    }

    private static long anonymous(Connection connection, DateRange range) throws SQLException {
        try (PreparedStatement select = prepare(connection, ANONYMOUS, range); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<AnalyticsSummary.Day> days(Connection connection, DateRange range) throws SQLException {
        Map<LocalDate, AnalyticsSummary.Day> known = new HashMap<>();
        try (PreparedStatement select = prepare(connection, DAYS, range); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                LocalDate day = rows.getObject(1, LocalDate.class);
                known.put(day, new AnalyticsSummary.Day(day, rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return SummaryLists.everyDay(range, known);
    }

    private static List<AnalyticsSummary.Page> pages(Connection connection, DateRange range) throws SQLException {
        List<AnalyticsSummary.Page> pages = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, PAGES, range); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pages.add(new AnalyticsSummary.Page(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return pages;
    }

    private static List<AnalyticsSummary.PathVisits> pathVisits(Connection connection, DateRange range,
                                                                String column) throws SQLException {
        return counted(connection, range, "SELECT " + column + " AS k, COUNT(*) AS n" + IN_RANGE
                + " GROUP BY " + column + " ORDER BY n DESC, k LIMIT " + SummaryLists.LIMIT).stream()
                .map(c -> new AnalyticsSummary.PathVisits(c.key(), c.count())).toList();
    }

    private static List<AnalyticsSummary.ReferrerVisits> referrers(Connection connection, DateRange range)
            throws SQLException {
        return counted(connection, range, "SELECT entry_referrer AS k, COUNT(*) AS n" + IN_RANGE
                + " AND entry_referrer <> '' GROUP BY entry_referrer ORDER BY n DESC, k LIMIT " + SummaryLists.LIMIT)
                .stream().map(c -> new AnalyticsSummary.ReferrerVisits(c.key(), c.count())).toList();
    }

    /** Visitors counted by an entry attribute of their earliest visit in range (by start time, then number). */
    private static List<KeyCount> firstVisitAttribute(Connection connection, DateRange range, String column)
            throws SQLException {
        return counted(connection, range, "SELECT k, COUNT(*) AS n FROM (SELECT " + column + " AS k,"
                + " ROW_NUMBER() OVER (PARTITION BY visitor_key ORDER BY first_ms, visit_number) AS r" + IN_RANGE
                + ") f WHERE r = 1 GROUP BY k ORDER BY n DESC, k LIMIT " + SummaryLists.LIMIT);
    }

    private static List<KeyCount> counted(Connection connection, DateRange range, String sql) throws SQLException {
        List<KeyCount> counts = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, sql, range); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.add(new KeyCount(rows.getString(1), rows.getLong(2)));
            }
        }
        return counts;
    }

    private static PreparedStatement prepare(Connection connection, String sql, DateRange range) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setObject(1, range.from());
        statement.setObject(2, range.to());
        return statement;
    }

    private record KeyCount(String key, long count) {}
}
