package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks a store's month rollups against its day rows, summed here in Java. */
final class MonthRowsCheck {
    private MonthRowsCheck() {}

    /** {@code expected} (first days of months) are rolled up, and each rolled-up month's rows are its day sums. */
    static void assertSumsOfDays(Database database, LocalDate... expected) {
        database.inSnapshot("check the month rollups", connection -> {
            Set<LocalDate> months = MonthRollups.rolledUp(connection, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 1));
            assertThat(months).as("rolled-up months").contains(expected);
            assertThat(sums(connection, "SELECT start_day, metric, item, amount FROM crumb_day_count", months, true))
                    .as("crumb_month_count")
                    .isEqualTo(sums(connection, "SELECT month_start, metric, item, amount FROM crumb_month_count",
                            months, true));
            assertThat(sums(connection, "SELECT start_day, prev_day, metric, item, amount FROM crumb_day_repeat",
                    months, true)).as("crumb_month_repeat")
                    .isEqualTo(sums(connection, "SELECT month_start, prev_day, metric, item, amount"
                            + " FROM crumb_month_repeat", months, true));
            String days = "SELECT start_day, metric, amount FROM crumb_day_count WHERE item = ''"
                    + " AND metric IN ('visitors', 'visits', 'views')"
                    + " UNION ALL SELECT view_day, 'anonymous', views FROM crumb_anonymous_day";
            String monthDays = "SELECT start_day, 'visitors', visitors FROM crumb_month_day"
                    + " UNION ALL SELECT start_day, 'visits', visits FROM crumb_month_day"
                    + " UNION ALL SELECT start_day, 'views', views FROM crumb_month_day"
                    + " UNION ALL SELECT start_day, 'anonymous', anonymous FROM crumb_month_day";
            assertThat(sums(connection, days, months, false)).as("crumb_month_day")
                    .isEqualTo(sums(connection, monthDays, months, false));
            return null;
        });
    }

    /**
     * The non-zero sums of the last column of {@code sql}'s rows whose first column (a day) lies in one of
     * {@code months}, keyed by the other columns, with the first column made its month when {@code byMonth}.
     */
    private static Map<List<Object>, Long> sums(Connection connection, String sql, Set<LocalDate> months,
                                                boolean byMonth) throws SQLException {
        Map<List<Object>, Long> sums = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                LocalDate day = rows.getObject(1, LocalDate.class);
                if (!months.contains(MonthRollups.monthOf(day))) {
                    continue;
                }
                List<Object> key = new java.util.ArrayList<>();
                key.add(byMonth ? MonthRollups.monthOf(day) : day);
                for (int column = 2; column < columns; column++) {
                    key.add(rows.getObject(column));
                }
                sums.merge(key, rows.getLong(columns), Long::sum);
            }
        }
        sums.values().removeIf(amount -> amount == 0);
        return sums;
    }
}
