package dev.crumb.internal.visitor;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The visitor cookie's fixed lifetime: it expires {@code cookie-max-age} after the visitor's first visit
 * (the {@code f} time in the cookie), and refreshing the cookie never moves that date — a regular
 * visitor's cookie expires too. The {@code Max-Age} of every re-sent cookie counts down to the same
 * moment; a cookie that arrives after it (a replay, a browser with a wrong clock) starts a new visitor.
 *
 * @param maxAge how long after the first visit the cookie lives
 */
public record CookieLifetime(Period maxAge) {

    public CookieLifetime {
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /**
     * Seconds that {@link #maxAge} lasts at least, whatever the calendar (a year at least 365 days, a month at
     * least 28): a cookie younger than this has not expired, without the calendar arithmetic that
     * {@link #expired} otherwise runs on every request.
     */
    private long surelyAliveSeconds() {
        long days = maxAge.getYears() * 365L + maxAge.getMonths() * 28L + maxAge.getDays();
        return maxAge.isNegative() ? 0 : Math.max(0, days * 86_400L - 1);
    }

    /** When a cookie whose visitor first came at {@code firstSeen} (epoch seconds) expires. */
    public Instant expiresAt(long firstSeen) {
        return Instant.ofEpochSecond(firstSeen).atOffset(ZoneOffset.UTC).plus(maxAge).toInstant();
    }

    /** The {@code Max-Age} to send at {@code now}: the seconds left until {@link #expiresAt}, never below 0. */
    public long secondsLeft(long firstSeen, Instant now) {
        return Math.max(0, expiresAt(firstSeen).getEpochSecond() - now.getEpochSecond());
    }

    /** Whether the cookie should no longer exist at {@code now}. */
    public boolean expired(long firstSeen, Instant now) {
        long age = now.getEpochSecond() - firstSeen;
        if (age >= 0 && age < surelyAliveSeconds()) {
            return false;
        }
        return !now.isBefore(expiresAt(firstSeen));
    }
}
