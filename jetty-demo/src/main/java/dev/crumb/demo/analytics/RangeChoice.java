package dev.crumb.demo.analytics;

import dev.crumb.demo.web.SiteTexts;
import dev.crumb.store.DateRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dashboard's reading of its date form: the {@link DateRange} to show, and a message for the analyst
 * when the form's values could not be used (then {@code range} is the default).
 *
 * @param range   the UTC days to show
 * @param problem what was wrong with the form's values, or {@code null}
 */
public record RangeChoice(DateRange range, String problem) {

    /** The longest range the dashboard shows. */
    public static final int MAX_DAYS = 366;

    /** The range shown when none is chosen: the last 28 days, today included. */
    public static final int DEFAULT_DAYS = 28;

    /** Whether the form's values were used as given. */
    public boolean valid() {
        return problem == null;
    }

    /** The default range ending {@code today}. */
    public static DateRange defaultEndingOn(LocalDate today) {
        return DateRange.endingOn(today, DEFAULT_DAYS);
    }

    /**
     * Reads {@code from} and {@code to} as ISO dates ({@code 2026-11-01}). Both missing means the default
     * range; anything unusable means the default range and a message saying what was wrong.
     */
    public static RangeChoice parse(String from, String to, LocalDate today) {
        return parse(from, to, today, SiteTexts.of("en"));
    }

    /** Like {@link #parse(String, String, LocalDate)}, with the message in the language of {@code t}. */
    public static RangeChoice parse(String from, String to, LocalDate today, SiteTexts t) {
        DateRange fallback = defaultEndingOn(today);
        if (isBlank(from) && isBlank(to)) {
            return new RangeChoice(fallback, null);
        }
        LocalDate start;
        LocalDate end;
        try {
            start = isBlank(from) ? fallback.from() : LocalDate.parse(from.strip());
            end = isBlank(to) ? today : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            return new RangeChoice(fallback, t.format("analytics.range.format", DEFAULT_DAYS));
        }
        if (start.isAfter(end)) {
            return new RangeChoice(fallback, t.format("analytics.range.order", DEFAULT_DAYS));
        }
        // Counted before the range is made: DateRange itself refuses anything over ten years.
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            return new RangeChoice(fallback, t.format("analytics.range.tooLong", MAX_DAYS, DEFAULT_DAYS));
        }
        return new RangeChoice(new DateRange(start, end), null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
