package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Comparator;
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

    private static Long sumOrNull(Long a, Long b) {
        long sum = a + b;
        return sum == 0 ? null : sum;
    }

    /** A row of {@code crumb_day_count}. */
    record DayKey(LocalDate day, Metric metric, String item) implements Comparable<DayKey> {
        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::day)
                .thenComparing(k -> k.metric().code()).thenComparing(DayKey::item);

        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of {@code crumb_day_repeat}: visitor-days on {@code day} whose previous one was {@code previousDay}. */
    record RepeatKey(LocalDate day, LocalDate previousDay, Metric metric, String item)
            implements Comparable<RepeatKey> {
        private static final Comparator<RepeatKey> ORDER = Comparator.comparing(RepeatKey::day)
                .thenComparing(RepeatKey::previousDay).thenComparing(k -> k.metric().code())
                .thenComparing(RepeatKey::item);

        @Override
        public int compareTo(RepeatKey other) {
            return ORDER.compare(this, other);
        }
    }
}
