package dev.crumb.store;

import java.time.LocalDate;

/** The read side of analytics: aggregates only, never one visitor's trail. */
public interface AnalyticsReader {

    /**
     * The numbers for the UTC days {@code from} to {@code to}, both inclusive. See
     * {@code docs/analytics.md} for the exact definition of every number.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the range is longer than
     *                                  {@link DateRange#MAX_DAYS} (implementations check with {@link DateRange})
     */
    AnalyticsSummary summary(LocalDate from, LocalDate to);

    /** The numbers for the days of {@code range}; see {@link #summary(LocalDate, LocalDate)}. */
    default AnalyticsSummary summary(DateRange range) {
        return summary(range.from(), range.to());
    }
}
