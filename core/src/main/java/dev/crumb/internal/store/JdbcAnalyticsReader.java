package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.DateRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Computes the summary from the daily aggregates ({@code crumb_day_count}, {@code crumb_day_repeat},
 * {@code crumb_anonymous_day}) on one snapshot, so its cost grows with days × items in range, not with
 * visits. Additive numbers are sums over the days; a distinct count is the visitor-days in range minus the
 * repeats whose previous day is in range too (see {@code docs/storage.md}).
 */
final class JdbcAnalyticsReader implements AnalyticsReader {
    /** Sums per metric and item; a day's totals (item '') per day too, for the list of days: one scan. */
    private static final String TOTALS = "SELECT metric, item, CASE WHEN item = '' THEN start_day END,"
            + " SUM(amount) FROM crumb_day_count WHERE start_day BETWEEN ? AND ?"
            + " GROUP BY metric, item, CASE WHEN item = '' THEN start_day END";
    private static final String REPEATS = "SELECT metric, item, SUM(amount) FROM crumb_day_repeat"
            + " WHERE start_day BETWEEN ? AND ? AND prev_day >= ? GROUP BY metric, item";
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
            try (Statement settings = connection.createStatement()) {
                for (String setting : database.dialect().summarySettings()) {
                    settings.execute(setting);
                }
            }
            Map<LocalDate, long[]> days = new HashMap<>();
            Map<Metric, Map<String, Long>> counts = totals(connection, range, days);
            Map<Metric, Map<String, Long>> repeats = repeats(connection, range);
            repeats.forEach((metric, items) -> items.forEach(
                    (item, repeat) -> counts.get(metric).merge(item, repeat, Long::sum)));
            VisitTotals totals = new VisitTotals(total(counts, Metric.VISITORS), total(counts, Metric.FIRST_VISITS),
                    total(counts, Metric.RETURNING), total(counts, Metric.VISITS), total(counts, Metric.PAGEVIEWS),
                    total(counts, Metric.BOUNCES), total(counts, Metric.DURATION));
            return new AnalyticsSummary(from, to, totals.visitors(), totals.newVisitors(),
                    totals.returningVisitors(), totals.visits(), totals.pageviews(), anonymous(connection, range),
                    totals.bounceRate(), totals.avgVisitSeconds(), days(range, days), pages(counts),
                    ranked(counts, Metric.ENTRY, AnalyticsSummary.PathVisits::new),
                    ranked(counts, Metric.EXIT, AnalyticsSummary.PathVisits::new),
                    ranked(counts, Metric.COUNTRY, AnalyticsSummary.CountryVisitors::new),
                    ranked(counts, Metric.LANGUAGE, AnalyticsSummary.LanguageVisitors::new),
                    ranked(counts, Metric.REFERRER, AnalyticsSummary.ReferrerVisits::new));
        });
    }

    /**
     * Sums of {@code crumb_day_count} per metric and item over the range; the visitors, visits and page
     * views of each day go to {@code days} on the way.
     */
    private static Map<Metric, Map<String, Long>> totals(Connection connection, DateRange range,
                                                         Map<LocalDate, long[]> days) throws SQLException {
        Map<Metric, Map<String, Long>> sums = emptySums();
        try (PreparedStatement select = prepare(connection, TOTALS, range); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Metric metric = Metric.ofCode(rows.getString(1));
                long amount = rows.getLong(4);
                sums.get(metric).merge(rows.getString(2), amount, Long::sum);
                int column = metric == Metric.VISITORS ? 0 : metric == Metric.VISITS ? 1
                        : metric == Metric.PAGEVIEWS ? 2 : -1;
                LocalDate day = rows.getObject(3, LocalDate.class);
                if (column >= 0 && day != null) {
                    days.computeIfAbsent(day, d -> new long[3])[column] = amount;
                }
            }
        }
        return sums;
    }

    /** Sums of the repeats with both days in the range, negated: what the distinct counts take away. */
    private static Map<Metric, Map<String, Long>> repeats(Connection connection, DateRange range)
            throws SQLException {
        Map<Metric, Map<String, Long>> sums = emptySums();
        try (PreparedStatement select = prepare(connection, REPEATS, range)) {
            select.setObject(3, range.from());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sums.get(Metric.ofCode(rows.getString(1))).put(rows.getString(2), -rows.getLong(3));
                }
            }
        }
        return sums;
    }

    private static Map<Metric, Map<String, Long>> emptySums() {
        Map<Metric, Map<String, Long>> sums = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            sums.put(metric, new HashMap<>());
        }
        return sums;
    }

    private static long total(Map<Metric, Map<String, Long>> counts, Metric metric) {
        return counts.get(metric).getOrDefault("", 0L);
    }

    private static long anonymous(Connection connection, DateRange range) throws SQLException {
        try (PreparedStatement select = prepare(connection, ANONYMOUS, range); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<AnalyticsSummary.Day> days(DateRange range, Map<LocalDate, long[]> known) {
        Map<LocalDate, AnalyticsSummary.Day> days = new HashMap<>();
        known.forEach((day, n) -> days.put(day, new AnalyticsSummary.Day(day, n[0], n[1], n[2])));
        return SummaryLists.everyDay(range, days);
    }

    private static List<AnalyticsSummary.Page> pages(Map<Metric, Map<String, Long>> counts) {
        List<AnalyticsSummary.Page> pages = new ArrayList<>();
        Map<String, Long> visitors = counts.get(Metric.PAGE_VISITORS);
        counts.get(Metric.PAGE_VIEWS).forEach((path, views) -> {
            if (views > 0) {
                pages.add(new AnalyticsSummary.Page(path, views, visitors.getOrDefault(path, 0L)));
            }
        });
        return SummaryLists.ranked(pages, AnalyticsSummary.Page::pageviews, AnalyticsSummary.Page::path);
    }

    /** The items of {@code metric} with a positive count, made into summary entries, ranked and cut. */
    private static <T> List<T> ranked(Map<Metric, Map<String, Long>> counts, Metric metric,
                                      BiFunction<String, Long, T> entry) {
        List<Map.Entry<String, Long>> positive = counts.get(metric).entrySet().stream()
                .filter(e -> e.getValue() > 0).toList();
        return SummaryLists.ranked(positive, Map.Entry::getValue, Map.Entry::getKey).stream()
                .map(e -> entry.apply(e.getKey(), e.getValue())).toList();
    }

    private static PreparedStatement prepare(Connection connection, String sql, DateRange range) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setObject(1, range.from());
        statement.setObject(2, range.to());
        return statement;
    }
}
