package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How the lists of a summary are ordered and cut: by count, highest first, then by key in code-unit
 * order, at most {@link #LIMIT} entries; days in date order with a zero entry for every quiet day.
 */
final class SummaryLists {
    /** The longest list a summary returns, except {@code days}. */
    static final int LIMIT = 100;

    private SummaryLists() {}

    /** The top {@link #LIMIT} of {@code entries} by {@code count} descending, then {@code key} ascending. */
    static <T> List<T> ranked(List<T> entries, ToLongFunction<T> count, java.util.function.Function<T, String> key) {
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(count).reversed().thenComparing(key));
        return List.copyOf(sorted.subList(0, Math.min(LIMIT, sorted.size())));
    }

    /** One entry per day of {@code range}: the day's numbers from {@code known}, or zeros. */
    static List<AnalyticsSummary.Day> everyDay(DateRange range, Map<LocalDate, AnalyticsSummary.Day> known) {
        List<AnalyticsSummary.Day> days = new ArrayList<>();
        for (LocalDate day : range.days()) {
            days.add(known.getOrDefault(day, new AnalyticsSummary.Day(day, 0, 0, 0)));
        }
        return days;
    }
}
