package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Changes to the daily aggregate tables that one batch makes: amounts per (day, metric, item) for
 * {@code crumb_day_count} and per (day, previous day, metric, item) for {@code crumb_day_repeat}. Entries
 * that net to zero are dropped; the rest are handed out in key order so that every writer updates rows in
 * the same order and concurrent writers wait rather than deadlock.
 */
final class DayCounts {
    private final Map<DayKey, Long> days = new HashMap<>();
    private final Map<RepeatKey, Long> repeats = new HashMap<>();

    void add(LocalDate day, Metric metric, String item, long amount) {
        if (amount != 0) {
            days.merge(new DayKey(day, metric, item), amount, DayCounts::sumOrNull);
        }
    }

    void addRepeat(LocalDate day, LocalDate previousDay, Metric metric, String item, long amount) {
        if (amount != 0) {
            repeats.merge(new RepeatKey(day, previousDay, metric, item), amount, DayCounts::sumOrNull);
        }
    }

    /** The non-zero changes of {@code crumb_day_count}, in key order. */
    SortedMap<DayKey, Long> days() {
        return new TreeMap<>(days);
    }

    /** The non-zero changes of {@code crumb_day_repeat}, in key order. */
    SortedMap<RepeatKey, Long> repeats() {
        return new TreeMap<>(repeats);
    }

    /**
     * Adds each change to its row through {@code upsert}, whose parameters are (day, metric, item, amount): the
     * rows of {@code crumb_day_count}, or of {@code crumb_month_count} with the month's first day as the day.
     * One JDBC batch, in the map's key order.
     */
    static void addCounts(Connection connection, String upsert, SortedMap<DayKey, Long> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Map.Entry<DayKey, Long> change : changes.entrySet()) {
                statement.setObject(1, change.getKey().day());
                statement.setString(2, change.getKey().metric().code());
                statement.setString(3, change.getKey().item());
                statement.setLong(4, change.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Adds each change to its row through {@code upsert}, whose parameters are (day, previous day, metric, item,
     * amount): the rows of {@code crumb_day_repeat}, or of {@code crumb_month_repeat} with the month's first day as
     * the day. One JDBC batch, in the map's key order.
     */
    static void addRepeats(Connection connection, String upsert, SortedMap<RepeatKey, Long> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Map.Entry<RepeatKey, Long> change : changes.entrySet()) {
                statement.setObject(1, change.getKey().day());
                statement.setObject(2, change.getKey().previousDay());
                statement.setString(3, change.getKey().metric().code());
                statement.setString(4, change.getKey().item());
                statement.setLong(5, change.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Long sumOrNull(Long a, Long b) {
        long sum = a + b;
        return sum == 0 ? null : sum;
    }

    /** A row of {@code crumb_day_count}. */
    record DayKey(LocalDate day, Metric metric, String item) implements Comparable<DayKey> {
        /** By day, metric code, then item. Hand-written, as are equals and hashCode: see {@link ChainDay#compareTo}. */
        @Override
        public int compareTo(DayKey other) {
            int order = day.compareTo(other.day);
            if (order == 0) {
                order = metric.code().compareTo(other.metric.code());
            }
            return order != 0 ? order : item.compareTo(other.item);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof DayKey that && day.equals(that.day) && metric == that.metric
                    && item.equals(that.item);
        }

        @Override
        public int hashCode() {
            return (day.hashCode() * 31 + metric.hashCode()) * 31 + item.hashCode();
        }
    }

    /** A row of {@code crumb_day_repeat}: visitor-days on {@code day} whose previous one was {@code previousDay}. */
    record RepeatKey(LocalDate day, LocalDate previousDay, Metric metric, String item)
            implements Comparable<RepeatKey> {
        /** By day, previous day, metric code, then item. Hand-written: see {@link ChainDay#compareTo}. */
        @Override
        public int compareTo(RepeatKey other) {
            int order = day.compareTo(other.day);
            if (order == 0) {
                order = previousDay.compareTo(other.previousDay);
            }
            if (order == 0) {
                order = metric.code().compareTo(other.metric.code());
            }
            return order != 0 ? order : item.compareTo(other.item);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof RepeatKey that && day.equals(that.day)
                    && previousDay.equals(that.previousDay) && metric == that.metric && item.equals(that.item);
        }

        @Override
        public int hashCode() {
            return ((day.hashCode() * 31 + previousDay.hashCode()) * 31 + metric.hashCode()) * 31 + item.hashCode();
        }
    }
}
