package dev.crumb.demo.analytics;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import java.time.LocalDate;
import java.util.List;

/**
 * Answers every range with zeros, as a store without any page views does: for tests of the dashboard's
 * empty state.
 */
public final class EmptyAnalyticsReader implements AnalyticsReader {

    @Override
    public AnalyticsSummary summary(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<AnalyticsSummary.Day> days = from.datesUntil(to.plusDays(1))
                .map(date -> new AnalyticsSummary.Day(date, 0, 0, 0))
                .toList();
        return new AnalyticsSummary(from, to, 0, 0, 0, 0, 0, 0, 0, 0, days,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
