package dev.crumb.internal.store;

import dev.crumb.store.DateRange;
import dev.crumb.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Month rollups of the daily aggregates ({@code crumb_month_count}, {@code crumb_month_repeat},
 * {@code crumb_month_day}, and {@code crumb_rollup} for the months done): a summary that covers a whole month
 * reads one row per (month, metric, item) instead of one per day, and, for the repeats, one per (month,
 * previous day, metric, item) instead of one per (day, previous day, metric, item).
 *
 * <p>A month is rolled up once it has closed ({@value #CLOSED_AFTER_DAYS} days after its last UTC day): by the
 * writer, after its first batch of the day on which the month closed or later ({@link #rollUpLastClosedMonth}),
 * or by the first summary that covers it whole, whichever comes first; in a transaction of its own. Rolling up
 * is a cache, never a change of figures: a page view that arrives later for a rolled-up month changes its day rows and its month rows in
 * the writer's one transaction ({@link #applyToRolledUpMonths}). What keeps the two exact when a rollup and a
 * writer meet is one lock ({@link Dialect#rollupGuard}): the rollup holds it alone while it sums the day rows,
 * and a writer holds it, shared, from the moment it looks up which months are rolled up until it commits. So a
 * writer either commits before the rollup sums (its changes are in the sums), or sees the month rolled up and
 * changes the month rows too.
 */
final class MonthRollups {
    /** Days after a month's last day from which the first summary that covers the month rolls it up. */
    static final int CLOSED_AFTER_DAYS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MonthRollups.class);

    private static final String SELECT_ROLLED_UP = "SELECT month_start FROM crumb_rollup"
            + " WHERE month_start BETWEEN ? AND ?";
    private static final String ROLL_UP_COUNTS = "INSERT INTO crumb_month_count (month_start, metric, item, amount)"
            + " SELECT CAST(? AS DATE), metric, item, SUM(amount) FROM crumb_day_count"
            + " WHERE start_day BETWEEN ? AND ? GROUP BY metric, item HAVING SUM(amount) <> 0";
    private static final String ROLL_UP_REPEATS = "INSERT INTO crumb_month_repeat"
            + " (month_start, prev_day, metric, item, amount)"
            + " SELECT CAST(? AS DATE), prev_day, metric, item, SUM(amount) FROM crumb_day_repeat"
            + " WHERE start_day BETWEEN ? AND ? GROUP BY prev_day, metric, item HAVING SUM(amount) <> 0";
    private static final String ROLL_UP_DAYS = "INSERT INTO crumb_month_day"
            + " (start_day, visitors, visits, views, anonymous)"
            + " SELECT d, SUM(visitors), SUM(visits), SUM(views), SUM(anonymous) FROM ("
            + " SELECT start_day AS d,"
            + " CASE WHEN metric = 'visitors' THEN amount ELSE 0 END AS visitors,"
            + " CASE WHEN metric = 'visits' THEN amount ELSE 0 END AS visits,"
            + " CASE WHEN metric = 'views' THEN amount ELSE 0 END AS views, CAST(0 AS BIGINT) AS anonymous"
            + " FROM crumb_day_count WHERE start_day BETWEEN ? AND ? AND item = ''"
            + " AND metric IN ('visitors', 'visits', 'views')"
            + " UNION ALL SELECT view_day, 0, 0, 0, views FROM crumb_anonymous_day WHERE view_day BETWEEN ? AND ?"
            + ") t GROUP BY d";
    private static final String MARK_ROLLED_UP = "INSERT INTO crumb_rollup (month_start, rolled_up_at)"
            + " VALUES (?, ?)";

    private final Database database;
    private final Clock clock;
    private final String upsertCount;
    private final String upsertRepeat;
    private final String upsertDay;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The day on which {@link #rollUpLastClosedMonth} last looked: it looks once a day. */
    private final AtomicReference<LocalDate> lookedOn = new AtomicReference<>();

    MonthRollups(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        Dialect dialect = database.dialect();
        this.upsertCount = dialect.upsert("crumb_month_count", "month_start, metric, item, amount",
                "month_start, metric, item", "amount = v.amount + n.amount");
        this.upsertRepeat = dialect.upsert("crumb_month_repeat", "month_start, prev_day, metric, item, amount",
                "month_start, prev_day, metric, item", "amount = v.amount + n.amount");
        this.upsertDay = dialect.upsert("crumb_month_day", "start_day, visitors, visits, views, anonymous",
                "start_day", "visitors = v.visitors + n.visitors, visits = v.visits + n.visits, views = v.views + n.views,"
                        + " anonymous = v.anonymous + n.anonymous");
    }

    static LocalDate monthOf(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    static LocalDate lastDayOf(LocalDate monthStart) {
        return monthStart.plusMonths(1).minusDays(1);
    }

    /** The months rolled up, by their first day, from {@code firstMonth} to {@code lastMonth}. */
    static NavigableSet<LocalDate> rolledUp(Connection connection, LocalDate firstMonth, LocalDate lastMonth)
            throws SQLException {
        NavigableSet<LocalDate> months = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ROLLED_UP)) {
            select.setObject(1, firstMonth);
            select.setObject(2, lastMonth);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    months.add(rows.getObject(1, LocalDate.class));
                }
            }
        }
        return months;
    }

    /**
     * Rolls up each closed month that lies whole in {@code range} and is not rolled up yet, one transaction
     * each. A failure is logged (once) and leaves the month to its day rows: the summary stays exact, only
     * slower. Throws nothing.
     */
    void rollUpClosedMonths(DateRange range) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> candidates = new ArrayList<>();
        for (LocalDate month = monthOf(range.from()); !month.isAfter(range.to()); month = month.plusMonths(1)) {
            LocalDate last = lastDayOf(month);
            if (!month.isBefore(range.from()) && !last.isAfter(range.to())
                    && !last.plusDays(CLOSED_AFTER_DAYS).isAfter(today)) {
                candidates.add(month);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        try {
            Set<LocalDate> done = database.inTransaction("look up the rolled-up months", connection ->
                    rolledUp(connection, candidates.get(0), candidates.get(candidates.size() - 1)));
            boolean rolledUpAny = false;
            for (LocalDate month : candidates) {
                if (!done.contains(month)) {
                    rolledUpAny |= rollUp(month);
                }
            }
            if (rolledUpAny) {
                analyze();
            }
        } catch (RuntimeException e) {
            // Never passed on: a summary is exact without the rollup, and a writer calls this after its batch
            // committed, which must not look failed (it would be written twice).
            if (warned.compareAndSet(false, true)) {
                LOG.warn("could not roll up the closed months of {}..{}; summaries read their day rows instead,"
                        + " which is exact but slower. The next summary tries again", range.from(), range.to(), e);
            }
        }
    }

    /**
     * Once a day: rolls up the month that closed last, unless that is done. The writer calls it after a batch, so
     * that the first summary after a month ends finds the month rolled up instead of rolling it up itself. Older
     * months (a database loaded with past traffic) are left to the first summary that covers them, so that a
     * writer loading history does not keep month rows of months it is still filling.
     */
    void rollUpLastClosedMonth() {
        LocalDate today = LocalDate.now(clock);
        LocalDate looked = lookedOn.get();
        if (today.equals(looked) || !lookedOn.compareAndSet(looked, today)) {
            return;
        }
        // The last month whose last day is at least CLOSED_AFTER_DAYS before today.
        LocalDate month = monthOf(today.minusDays(CLOSED_AFTER_DAYS - 1L)).minusMonths(1);
        rollUpClosedMonths(new DateRange(month, lastDayOf(month)));
    }

    /**
     * Rolls up {@code month} (its first day) unless another summary or server did so first; says whether it did.
     * The caller refreshes the statistics ({@link #analyze}), once for all the months it rolls up.
     */
    boolean rollUp(LocalDate month) {
        LocalDate last = lastDayOf(month);
        return database.inWriterTransaction("roll up the month " + month, connection -> {
            guard(connection, true);
            if (rolledUp(connection, month, month).contains(month)) {
                return false;
            }
            execute(connection, ROLL_UP_COUNTS, month, month, last);
            execute(connection, ROLL_UP_REPEATS, month, month, last);
            execute(connection, ROLL_UP_DAYS, month, last, month, last);
            try (PreparedStatement mark = connection.prepareStatement(MARK_ROLLED_UP)) {
                mark.setObject(1, month);
                mark.setObject(2, OffsetDateTime.now(clock));
                mark.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Refreshes the planner's statistics of the month tables, which a rollup fills at once: without them
     * PostgreSQL planned the first summaries after a rollup four times slower, until autovacuum's analyze
     * came by. Best effort: a user that does not own the tables leaves it to autovacuum.
     */
    private void analyze() {
        try {
            database.inTransaction("analyze the month rollups", connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String table : List.of("crumb_month_count", "crumb_month_repeat", "crumb_month_day")) {
                        statement.execute(database.dialect().analyze(table));
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            LOG.debug("could not analyze the month rollups; autovacuum will", e);
        }
    }

    /** The store's database, for tests that check the month rows against the day rows. */
    Database database() {
        return database;
    }

    /**
     * In a writer's transaction, after it changed the day rows: makes the same changes to the month rows of
     * the months that are rolled up. Takes the rollup guard first, so no month can be rolled up between this
     * look-up and the commit.
     */
    void applyToRolledUpMonths(Connection connection, SortedMap<DayCounts.DayKey, Long> days,
                               SortedMap<DayCounts.RepeatKey, Long> repeats, Map<LocalDate, Long> anonymousByDay)
            throws SQLException {
        TreeSet<LocalDate> touched = new TreeSet<>();
        days.keySet().forEach(key -> touched.add(monthOf(key.day())));
        repeats.keySet().forEach(key -> touched.add(monthOf(key.day())));
        anonymousByDay.keySet().forEach(day -> touched.add(monthOf(day)));
        if (touched.isEmpty()) {
            return;
        }
        if (database.writersLockRows()) {
            guard(connection, false);
        }
        NavigableSet<LocalDate> rolledUp = rolledUp(connection, touched.first(), touched.last());
        rolledUp.retainAll(touched);
        if (rolledUp.isEmpty()) {
            return;
        }
        MonthChanges month = new MonthChanges();
        days.forEach((key, amount) -> {
            if (rolledUp.contains(monthOf(key.day()))) {
                month.count(key, amount);
            }
        });
        repeats.forEach((key, amount) -> {
            if (rolledUp.contains(monthOf(key.day()))) {
                month.repeats.merge(new DayCounts.RepeatKey(monthOf(key.day()), key.previousDay(), key.metric(),
                        key.item()), amount, Long::sum);
            }
        });
        anonymousByDay.forEach((day, views) -> {
            if (rolledUp.contains(monthOf(day))) {
                month.day(day)[3] += views;
            }
        });
        month.write(connection);
    }

    private void guard(Connection connection, boolean exclusive) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(database.dialect().rollupGuard(exclusive));
             ResultSet ignored = lock.executeQuery()) {
            // held until the transaction ends
        }
    }

    private static void execute(Connection connection, String sql, LocalDate... days) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < days.length; i++) {
                statement.setObject(i + 1, days[i]);
            }
            statement.executeUpdate();
        }
    }

    /** A batch's changes to the month rows, in key order like the day rows'. */
    private final class MonthChanges {
        private final SortedMap<DayCounts.DayKey, Long> counts = new TreeMap<>();
        private final SortedMap<DayCounts.RepeatKey, Long> repeats = new TreeMap<>();
        private final SortedMap<LocalDate, long[]> days = new TreeMap<>();

        void count(DayCounts.DayKey key, long amount) {
            counts.merge(new DayCounts.DayKey(monthOf(key.day()), key.metric(), key.item()), amount, Long::sum);
            if (key.item().isEmpty()) {
                int column = switch (key.metric()) {
                    case VISITORS -> 0;
                    case VISITS -> 1;
                    case PAGEVIEWS -> 2;
                    default -> -1;
                };
                if (column >= 0) {
                    day(key.day())[column] += amount;
                }
            }
        }

        long[] day(LocalDate day) {
            return days.computeIfAbsent(day, d -> new long[4]);
        }

        void write(Connection connection) throws SQLException {
            DayCounts.addCounts(connection, upsertCount, counts);
            DayCounts.addRepeats(connection, upsertRepeat, repeats);
            try (PreparedStatement upsert = connection.prepareStatement(upsertDay)) {
                for (Map.Entry<LocalDate, long[]> change : days.entrySet()) {
                    upsert.setObject(1, change.getKey());
                    for (int column = 0; column < 4; column++) {
                        upsert.setLong(column + 2, change.getValue()[column]);
                    }
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }
}
