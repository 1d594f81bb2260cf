package dev.crumb.internal.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits analyst password guessing, per client address and for the whole server. Each counter allows
 * some failures freely; every further failure locks its counter for twice as long as the one before
 * (1 s, 2 s, 4 s …) up to a maximum. A success clears the address's counter; a counter without
 * failures for {@value #FORGET_HOURS} hour is forgotten. Addresses are kept in a bounded Caffeine cache
 * (so a flood of addresses cannot exhaust memory) and never logged.
 *
 * <p>The global counter means a distributed attack can lock the analyst out of password logins for a
 * while; an analyst who is already signed in (session cookie) is not affected.
 */
public final class GuessLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(GuessLimiter.class);
    private static final long FORGET_HOURS = 1;
    private static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);

    private final Clock clock;
    private final int freePerAddress;
    private final int freeGlobal;
    private final Duration maxLockout;
    private final Cache<String, Failures> perAddress;
    private final AtomicReference<Failures> global = new AtomicReference<>(Failures.NONE);

    /**
     * @param freePerAddress failures an address may make before lock-outs start
     * @param freeGlobal     failures all addresses together may make before lock-outs start
     * @param maxLockout     the longest lock-out
     */
    public GuessLimiter(Clock clock, int freePerAddress, int freeGlobal, Duration maxLockout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.freePerAddress = freePerAddress;
        this.freeGlobal = freeGlobal;
        this.maxLockout = Objects.requireNonNull(maxLockout, "maxLockout");
        this.perAddress = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofHours(FORGET_HOURS).plus(maxLockout))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long {@code address} must wait before its next attempt, or empty when it may try now. */
    public Optional<Duration> lockedFor(String address) {
        Instant now = clock.instant();
        Failures mine = perAddress.getIfPresent(key(address));
        Instant until = later(mine == null ? null : mine.lockedUntil(), current(global.get(), now).lockedUntil());
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Counts a failed attempt of {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        Failures mine = perAddress.asMap().compute(key(address), (k, f) -> next(f, now, freePerAddress));
        Failures all = global.updateAndGet(f -> next(current(f, now), now, freeGlobal));
        if (mine.lockedUntil() != null && mine.count() == freePerAddress + 1) {
            LOG.warn("analyst login: a client made {} failed attempts; it is locked out with growing waits", mine.count());
        }
        if (all.lockedUntil() != null && all.count() == freeGlobal + 1) {
            LOG.warn("analyst login: {} failed attempts from all clients; password logins are locked with growing waits",
                    all.count());
        }
    }

    /** Clears the counter of {@code address} after a correct password. */
    public void succeeded(String address) {
        perAddress.invalidate(key(address));
    }

    private Failures next(Failures previous, Instant now, int free) {
        int count = (previous == null ? 0 : previous.count()) + 1;
        if (count <= free) {
            return new Failures(count, null, now);
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        if (lockout.compareTo(maxLockout) > 0) {
            lockout = maxLockout;
        }
        return new Failures(count, now.plus(lockout), now);
    }

    /** The global counter, forgotten after an hour without failures. */
    private static Failures current(Failures f, Instant now) {
        if (f.lastFailure() != null && Duration.between(f.lastFailure(), now).toHours() >= FORGET_HOURS
                && (f.lockedUntil() == null || !f.lockedUntil().isAfter(now))) {
            return Failures.NONE;
        }
        return f;
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private record Failures(int count, Instant lockedUntil, Instant lastFailure) {
        static final Failures NONE = new Failures(0, null, null);
    }
}
