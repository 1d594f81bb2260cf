package dev.crumb.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How every store keeps time: instants at microsecond precision (truncated, what PostgreSQL and H2
 * hold), visit arithmetic in whole epoch milliseconds (floor), days in UTC.
 */
final class Times {
    private Times() {}

    static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime column(Instant at) {
        return OffsetDateTime.ofInstant(stored(at), ZoneOffset.UTC);
    }

    static LocalDate utcDay(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
