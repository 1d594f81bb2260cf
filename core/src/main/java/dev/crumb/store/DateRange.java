package dev.crumb.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A range of UTC days, both ends included: what an analytics summary covers ({@link AnalyticsReader}).
 * The one date range of Crumb — the store, the analytics endpoints and the demo's dashboard all use it,
 * so every range is checked the same way when it is made.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}, at most {@value #MAX_DAYS} days after it counting both
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Ten years: enough for any report, small enough that the list of days stays cheap. */
    public static final int MAX_DAYS = 3660;

    /**
     * Checks the range.
     *
     * @throws NullPointerException     when a day is missing
     * @throws IllegalArgumentException when {@code from} is after {@code to}, or the range covers more than
     *                                  {@value #MAX_DAYS} days; the message says what to pass instead
     */
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the summary range starts on " + from + ", after its end " + to
                    + "; pass the earlier day as 'from'");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the summary range covers " + days + " days; ask for at most "
                    + MAX_DAYS + " at a time");
        }
    }

    /** The {@code days} days ending on {@code last}, {@code last} included. */
    public static DateRange endingOn(LocalDate last, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a range covers at least one day, was asked for " + days);
        }
        return new DateRange(last.minusDays(days - 1L), last);
    }

    /** How many days the range covers, both ends included. */
    public long dayCount() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether {@code day} lies in the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Every day of the range, in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
