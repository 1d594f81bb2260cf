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
 * {@code crumb_anonymous_day}) and, for the closed months that lie whole in the range, from their month rollups
 * ({@link MonthRollups}), on one snapshot: its cost grows with the days of the range that are not in a
 * rolled-up month and with the months that are, times the items, not with visits. Additive numbers are sums;
 * a distinct count is the visitor-days in range minus the repeats whose previous day is in range too (see
 * {@code docs/storage.md}).
 */
final class JdbcAnalyticsReader implements AnalyticsReader {
    /** Per metric and item; a day's totals (item '') per day too, for the list of days. */
    private static final String TOTALS_OF_DAYS = "SELECT metric, item, CASE WHEN item = '' THEN start_day END AS d,"
            + " amount FROM crumb_day_count WHERE start_day BETWEEN ? AND ?";
    private static final String TOTALS_OF_MONTHS = "SELECT metric, item, CAST(NULL AS DATE) AS d, amount"
            + " FROM crumb_month_count WHERE month_start BETWEEN ? AND ?";
    private static final String REPEATS_OF_DAYS = "SELECT metric, item, amount FROM crumb_day_repeat"
            + " WHERE start_day BETWEEN ? AND ? AND prev_day >= ?";
    private static final String REPEATS_OF_MONTHS = "SELECT metric, item, amount FROM crumb_month_repeat"
            + " WHERE month_start BETWEEN ? AND ? AND prev_day >= ?";
    private static final String ANONYMOUS_OF_DAYS = "SELECT views AS v FROM crumb_anonymous_day"
            + " WHERE view_day BETWEEN ? AND ?";
    private static final String ANONYMOUS_OF_MONTHS = "SELECT anonymous AS v FROM crumb_month_day"
            + " WHERE start_day BETWEEN ? AND ?";
    private static final String DAYS_OF_MONTHS = "SELECT start_day, visitors, visits, views FROM crumb_month_day"
            + " WHERE start_day BETWEEN ? AND ?";

    private final Database database;
    private final MonthRollups rollups;

    JdbcAnalyticsReader(Database database, MonthRollups rollups) {
        this.database = database;
        this.rollups = rollups;
    }

    @Override
    public AnalyticsSummary summary(LocalDate from, LocalDate to) {
        DateRange range = new DateRange(from, to);
        rollups.rollUpClosedMonths(range);
        return database.inSnapshot("compute the analytics summary", connection -> {
            try (Statement settings = connection.createStatement()) {
                for (String setting : database.dialect().summarySettings()) {
                    settings.execute(setting);
                }
            }
            SummaryPlan plan = SummaryPlan.of(range, MonthRollups.rolledUp(connection,
                    MonthRollups.monthOf(from), MonthRollups.monthOf(to)));
            Map<LocalDate, long[]> days = new HashMap<>();
            Map<Metric, Map<String, Long>> counts = totals(connection, plan, days);
            Map<Metric, Map<String, Long>> repeats = repeats(connection, plan, from);
            repeats.forEach((metric, items) -> items.forEach(
                    (item, repeat) -> counts.get(metric).merge(item, repeat, Long::sum)));
            VisitTotals totals = new VisitTotals(total(counts, Metric.VISITORS), total(counts, Metric.FIRST_VISITS),
                    total(counts, Metric.RETURNING), total(counts, Metric.VISITS), total(counts, Metric.PAGEVIEWS),
                    total(counts, Metric.BOUNCES), total(counts, Metric.DURATION));
            return new AnalyticsSummary(from, to, totals.visitors(), totals.newVisitors(),
                    totals.returningVisitors(), totals.visits(), totals.pageviews(), anonymous(connection, plan),
                    totals.bounceRate(), totals.avgVisitSeconds(), days(range, days), pages(counts),
                    ranked(counts, Metric.ENTRY, AnalyticsSummary.PathVisits::new),
                    ranked(counts, Metric.EXIT, AnalyticsSummary.PathVisits::new),
                    ranked(counts, Metric.COUNTRY, AnalyticsSummary.CountryVisitors::new),
                    ranked(counts, Metric.LANGUAGE, AnalyticsSummary.LanguageVisitors::new),
                    ranked(counts, Metric.REFERRER, AnalyticsSummary.ReferrerVisits::new));
        });
    }

    /**
     * Sums of {@code crumb_day_count} (and of the rolled-up months' {@code crumb_month_count}) per metric and
     * item over the range; the visitors, visits and page views of each day go to {@code days} on the way.
     */
    private static Map<Metric, Map<String, Long>> totals(Connection connection, SummaryPlan plan,
                                                         Map<LocalDate, long[]> days) throws SQLException {
        Map<Metric, Map<String, Long>> sums = emptySums();
        String sql = "SELECT metric, item, d, SUM(amount) FROM (" + union(plan, TOTALS_OF_DAYS, TOTALS_OF_MONTHS)
                + ") t GROUP BY metric, item, d";
        try (PreparedStatement select = prepare(connection, sql, plan, null); ResultSet rows = select.executeQuery()) {
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
        if (!plan.months().isEmpty()) {
            SummaryPlan months = new SummaryPlan(List.of(), plan.months());
            try (PreparedStatement select = prepare(connection, union(months, null, DAYS_OF_MONTHS), months, null);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.put(rows.getObject(1, LocalDate.class),
                            new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
        }
        return sums;
    }

    /** Sums of the repeats with both days in the range, negated: what the distinct counts take away. */
    private static Map<Metric, Map<String, Long>> repeats(Connection connection, SummaryPlan plan, LocalDate from)
            throws SQLException {
        Map<Metric, Map<String, Long>> sums = emptySums();
        String sql = "SELECT metric, item, SUM(amount) FROM (" + union(plan, REPEATS_OF_DAYS, REPEATS_OF_MONTHS)
                + ") t GROUP BY metric, item";
        try (PreparedStatement select = prepare(connection, sql, plan, from); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sums.get(Metric.ofCode(rows.getString(1))).put(rows.getString(2), -rows.getLong(3));
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

    private static long anonymous(Connection connection, SummaryPlan plan) throws SQLException {
        String sql = "SELECT COALESCE(SUM(v), 0) FROM (" + union(plan, ANONYMOUS_OF_DAYS, ANONYMOUS_OF_MONTHS) + ") t";
        try (PreparedStatement select = prepare(connection, sql, plan, null); ResultSet row = select.executeQuery()) {
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

    /** {@code ofDays} for each range of days of the plan, then {@code ofMonths} for each run of months. */
    private static String union(SummaryPlan plan, String ofDays, String ofMonths) {
        List<String> parts = new ArrayList<>();
        plan.days().forEach(range -> parts.add(ofDays));
        plan.months().forEach(range -> parts.add(ofMonths));
        return String.join(" UNION ALL ", parts);
    }

    /**
     * Binds each part of {@link #union}: the range's first and last day, then {@code from} when it is given
     * (the repeats' bound on the previous day).
     */
    private static PreparedStatement prepare(Connection connection, String sql, SummaryPlan plan, LocalDate from)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        List<DateRange> ranges = new ArrayList<>(plan.days());
        ranges.addAll(plan.months());
        for (DateRange range : ranges) {
            statement.setObject(index++, range.from());
            statement.setObject(index++, range.to());
            if (from != null) {
                statement.setObject(index++, from);
            }
        }
        return statement;
    }
}
