package dev.crumb.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CookieLifetimeTest {

    @Property(tries = 500)
    void expiredExactlyFromTheCalendarDateOn(@ForAll @IntRange(min = 0, max = 3) int years,
                                             @ForAll @IntRange(min = 0, max = 25) int months,
                                             @ForAll @IntRange(min = 0, max = 40) int days,
                                             @ForAll @LongRange(min = 0, max = 4_000_000_000L) long firstSeen,
                                             @ForAll @LongRange(min = -5, max = 5) long offset) {
        Period maxAge = Period.of(years, months, days);
        CookieLifetime lifetime = new CookieLifetime(maxAge);
        Instant expires = lifetime.expiresAt(firstSeen);

        assertThat(lifetime.expired(firstSeen, expires.plusSeconds(offset))).isEqualTo(offset >= 0);
        assertThat(lifetime.expired(firstSeen, Instant.ofEpochSecond(firstSeen))).isEqualTo(maxAge.isZero());
        assertThat(lifetime.expired(firstSeen, Instant.ofEpochSecond(firstSeen - 10))).isFalse();
    }
}
