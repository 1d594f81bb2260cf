package dev.crumb.demo.analytics;

import dev.crumb.demo.web.SiteTexts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A range of UTC days, both ends included, as chosen in the dashboard's form.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** The longest range the dashboard shows. */
    public static final int MAX_DAYS = 366;

    /** The range shown when none is chosen: the last 28 days, today included. */
    public static final int DEFAULT_DAYS = 28;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /**
     * The outcome of reading the form: the range to show, and a message for the analyst when the form's
     * values could not be used (then {@code range} is the default).
     */
    public record Choice(DateRange range, String problem) {
        /** Whether the form's values were used as given. */
        public boolean valid() {
            return problem == null;
        }
    }

    /** The default range ending {@code today}. */
    public static DateRange endingOn(LocalDate today) {
        return new DateRange(today.minusDays(DEFAULT_DAYS - 1L), today);
    }

    /** How many days the range covers. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * Reads {@code from} and {@code to} as ISO dates ({@code 2026-11-01}). Both missing means the default
     * range; anything unusable means the default range and a message saying what was wrong.
     */
    public static Choice parse(String from, String to, LocalDate today) {
        return parse(from, to, today, SiteTexts.of("en"));
    }

    /** Like {@link #parse(String, String, LocalDate)}, with the message in the language of {@code t}. */
    public static Choice parse(String from, String to, LocalDate today, SiteTexts t) {
        DateRange fallback = endingOn(today);
        if (isBlank(from) && isBlank(to)) {
            return new Choice(fallback, null);
        }
        LocalDate start;
        LocalDate end;
        try {
            start = isBlank(from) ? fallback.from() : LocalDate.parse(from.strip());
            end = isBlank(to) ? today : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            return new Choice(fallback, t.format("analytics.range.format", DEFAULT_DAYS));
        }
        if (start.isAfter(end)) {
            return new Choice(fallback, t.format("analytics.range.order", DEFAULT_DAYS));
        }
        DateRange chosen = new DateRange(start, end);
        if (chosen.days() > MAX_DAYS) {
            return new Choice(fallback, t.format("analytics.range.tooLong", MAX_DAYS, DEFAULT_DAYS));
        }
        return new Choice(chosen, null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
