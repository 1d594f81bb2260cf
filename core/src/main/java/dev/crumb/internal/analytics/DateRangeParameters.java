package dev.crumb.internal.analytics;

import dev.crumb.store.DateRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Reads the {@link DateRange} an analyst asks about from the {@code from} and {@code to} parameters
 * ({@code YYYY-MM-DD}, UTC days, both inclusive). Without {@code to} the range ends today; without
 * {@code from} it covers the {@value #DEFAULT_DAYS} days ending at {@code to}. Dates must lie between
 * 2000-01-01 and the end of next year, {@code from} must not be after {@code to}, and the range must not
 * exceed the configured maximum.
 */
final class DateRangeParameters {

    /** Days covered when {@code from} is not given. */
    public static final int DEFAULT_DAYS = 30;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private DateRangeParameters() {
    }

    /** A parameter an analyst got wrong, with a message that says what is accepted. */
    public static final class Invalid extends IllegalArgumentException {
        private final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        /** The parameter at fault ({@code from} or {@code to}). */
        public String parameter() {
            return parameter;
        }
    }

    /**
     * Parses and checks the parameters.
     *
     * @param fromParam the {@code from} parameter, or {@code null}
     * @param toParam   the {@code to} parameter, or {@code null}
     * @param today     today's UTC date
     * @param maxDays   the most days a range may cover (at most {@link DateRange#MAX_DAYS})
     * @throws Invalid naming the parameter and what it accepts
     */
    public static DateRange parse(String fromParam, String toParam, LocalDate today, int maxDays) {
        LocalDate latest = LocalDate.of(today.getYear() + 1, 12, 31);
        LocalDate to = toParam == null || toParam.isEmpty() ? today : date("to", toParam, latest);
        LocalDate from = fromParam == null || fromParam.isEmpty() ? to.minusDays(DEFAULT_DAYS - 1L)
                : date("from", fromParam, latest);
        if (from.isBefore(EARLIEST)) {
            from = EARLIEST;
        }
        if (from.isAfter(to)) {
            throw new Invalid("from", "from (" + from + ") is after to (" + to + "); give from <= to");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int allowed = Math.min(maxDays, DateRange.MAX_DAYS);
        if (days > allowed) {
            throw new Invalid("from", "the range covers " + days + " days; at most " + allowed
                    + " are allowed — ask for a shorter range");
        }
        return new DateRange(from, to);
    }

    private static LocalDate date(String name, String value, LocalDate latest) {
        if (value.length() != 10 || !DATE.matcher(value).matches()) {
            throw new Invalid(name, name + " must be a date as YYYY-MM-DD, such as 2026-03-01");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(name, name + " is not a calendar date; use YYYY-MM-DD, such as 2026-03-01");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(latest)) {
            throw new Invalid(name, name + " must lie between " + EARLIEST + " and " + latest);
        }
        return d;
    }
}
