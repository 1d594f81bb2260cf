package dev.crumb.internal.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the writer waits before retrying a batch the store refused: {@code first}, doubling on each
 * further failure up to {@code max}.
 */
public record RetryBackoff(Duration first, Duration max) {

    /** 250 ms doubling up to 30 s: a database restart is retried promptly without hammering it. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    public RetryBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry backoff needs 0 < first <= max, was " + first + " and " + max);
        }
    }

    /** The wait after {@code current}. */
    Duration next(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
