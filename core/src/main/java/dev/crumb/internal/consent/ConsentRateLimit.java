package dev.crumb.internal.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how often one visitor may change their consent (or forget themselves): a token bucket per
 * visitor ID that holds {@code burst} changes and refills one every {@code refillEvery}. A visitor
 * changing their mind twenty times a minute is not a person, and each change is a durable record. A
 * visitor's first decision is never refused: a visitor without a bucket starts with a full one. Buckets
 * live in a bounded Caffeine cache and are dropped once they would be full again, so memory stays bounded
 * and an evicted visitor loses nothing. Visitor IDs stay in memory only, never in a log.
 *
 * <p>A client that throws its cookie away arrives as a new visitor each time and so is not slowed down
 * here; telling it from a real new visitor needs a per-client limit at the proxy (see docs/security.md).
 */
public final class ConsentRateLimit {

    /** The default: a burst of 10 changes, then one every 20 seconds (3 a minute). */
    public static ConsentRateLimit standard(Clock clock) {
        return new ConsentRateLimit(clock, 10, Duration.ofSeconds(20), 100_000);
    }

    private final Clock clock;
    private final int burst;
    private final long refillMillis;
    private final Cache<String, Bucket> buckets;

    public ConsentRateLimit(Clock clock, int burst, Duration refillEvery, long maxVisitors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a consent rate limit needs a burst of at least 1 and a positive refill");
        }
        this.burst = burst;
        this.refillMillis = refillEvery.toMillis();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxVisitors)
                .expireAfterWrite(refillEvery.multipliedBy(burst))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * Takes one change for {@code visitorId}. Empty: allowed (and counted). Present: refused, nothing counted;
     * the visitor may try again after that long.
     */
    public Optional<Duration> take(String visitorId) {
        long now = clock.millis();
        long[] wait = {0};
        buckets.asMap().compute(visitorId == null ? "" : visitorId, (k, b) -> {
            Bucket current = b == null ? new Bucket(burst, now) : b.refilled(now, burst, refillMillis);
            if (current.tokens() >= 1) {
                // A full bucket earns nothing; its next token is earned from this change on.
                return new Bucket(current.tokens() - 1, current.tokens() == burst ? now : current.since());
            }
            wait[0] = refillMillis - (now - current.since());
            return current;
        });
        return wait[0] > 0 ? Optional.of(Duration.ofMillis(wait[0])) : Optional.empty();
    }

    /** Whole tokens, and the time from which the next one is being earned. */
    private record Bucket(int tokens, long since) {
        Bucket refilled(long now, int burst, long refillMillis) {
            long earned = (now - since) / refillMillis;
            if (earned <= 0) {
                return this;
            }
            int tokens = (int) Math.min(burst, this.tokens + earned);
            return new Bucket(tokens, tokens == burst ? now : since + earned * refillMillis);
        }
    }
}
