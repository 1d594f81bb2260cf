package dev.crumb;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The defaults and checks of the options about how long things last (consent, the cookie, per-visit rows,
 * superseded consent records) and of the links the banner's first layer shows, kept in one place for the
 * option types that use them.
 */
final class Periods {

    static final Period DEFAULT_CONSENT_MAX_AGE = Period.ofMonths(6);
    static final Period DEFAULT_COOKIE_MAX_AGE = Period.ofMonths(13);
    static final Period DEFAULT_VISIT_RETENTION = Period.ofMonths(25);
    static final Period DEFAULT_CONSENT_LOG_RETENTION = Period.ofYears(5);

    /** Periods are compared from this day; months differ in length, so any fixed day would do as well. */
    private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);

    private Periods() {
    }

    /** The period in days, counted from a fixed reference day. */
    static long days(Period period) {
        return ChronoUnit.DAYS.between(REFERENCE, REFERENCE.plus(period));
    }

    /** Whether {@code period} lies between {@code min} and {@code max}, inclusive. */
    static boolean within(Period period, Period min, Period max) {
        long d = days(period);
        return !period.isNegative() && d >= days(min) && d <= days(max);
    }

    /** Whether {@code url} may be put into an {@code href}: http(s) with a host, or a site-relative path. */
    static boolean safeLink(String url) {
        String u = url.strip();
        if (u.startsWith("/") && !u.startsWith("//")) {
            return u.chars().noneMatch(c -> c < 0x21 || c == '\\');
        }
        try {
            URI uri = new URI(u);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
