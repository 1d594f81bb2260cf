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
 * Limits analyst password guessing, per client address and for the whole server. An attempt is counted
 * <em>before</em> the slow password check runs ({@link #begin}), atomically, so parallel requests cannot
 * all slip through while the first ones are still being checked; a correct password gives its attempt back
 * ({@link #succeeded}). Each counter allows {@code free} attempts in a row; the attempt that uses up the
 * allowance locks the counter for 1 s, and every further attempt (allowed only once the lock has passed)
 * locks it for twice as long as the one before (2 s, 4 s …) up to a maximum. A counter without attempts
 * for {@value #FORGET_HOURS} hour is forgotten. Addresses are kept in a bounded Caffeine cache (so a
 * flood of addresses cannot exhaust memory) and never logged.
 *
 * <p>The global counter means a distributed attack can lock the analyst out of password logins for a
 * while; an analyst who is already signed in (session cookie) is not affected.
 */
final class GuessLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(GuessLimiter.class);
    private static final long FORGET_HOURS = 1;
    private static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);

    private final Clock clock;
    private final int freePerAddress;
    private final int freeGlobal;
    private final Duration maxLockout;
    private final Cache<String, Attempts> perAddress;
    private final AtomicReference<Attempts> global = new AtomicReference<>(Attempts.NONE);

    /**
     * @param freePerAddress attempts an address may make in a row before lock-outs start
     * @param freeGlobal     attempts all addresses together may make in a row before lock-outs start
     * @param maxLockout     the longest lock-out
     */
    public GuessLimiter(Clock clock, int freePerAddress, int freeGlobal, Duration maxLockout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (freePerAddress < 1 || freeGlobal < 1) {
            throw new IllegalArgumentException("analyst failure allowances must be at least 1; were "
                    + freePerAddress + " per address and " + freeGlobal + " in all");
        }
        this.freePerAddress = freePerAddress;
        this.freeGlobal = freeGlobal;
        this.maxLockout = Objects.requireNonNull(maxLockout, "maxLockout");
        this.perAddress = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofHours(FORGET_HOURS).plus(maxLockout))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long {@code address} must wait before its next attempt, or empty when it may try now. Counts nothing. */
    public Optional<Duration> lockedFor(String address) {
        Instant now = clock.instant();
        Attempts mine = perAddress.getIfPresent(key(address));
        Instant until = later(mine == null ? null : current(mine, now).lockedUntil(),
                current(global.get(), now).lockedUntil());
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /**
     * Counts an attempt of {@code address} before its password is checked. Empty: the attempt is counted
     * and the check may run. Present: refused (nothing counted); the client must wait that long.
     */
    public Optional<Duration> begin(String address) {
        Instant now = clock.instant();
        Duration[] refused = new Duration[1];
        Attempts mine = perAddress.asMap().compute(key(address), (k, a) -> {
            Attempts before = current(a == null ? Attempts.NONE : a, now);
            Optional<Duration> wait = before.waitAt(now);
            if (wait.isPresent()) {
                refused[0] = wait.get();
                return before;
            }
            return next(before, now, freePerAddress);
        });
        if (refused[0] != null) {
            return Optional.of(refused[0]);
        }
        Attempts all = global.updateAndGet(a -> {
            Attempts before = current(a, now);
            Optional<Duration> wait = before.waitAt(now);
            if (wait.isPresent()) {
                refused[0] = wait.get();
                return before;
            }
            return next(before, now, freeGlobal);
        });
        if (refused[0] != null) {
            // The global counter refused: the address's attempt did not happen either.
            perAddress.asMap().computeIfPresent(key(address), (k, a) -> giveBack(a, freePerAddress));
            return Optional.of(refused[0]);
        }
        if (mine.count() == freePerAddress) {
            LOG.warn("analyst login: a client made {} attempts in a row; it is locked out with growing waits", mine.count());
        }
        if (all.count() == freeGlobal) {
            LOG.warn("analyst login: {} attempts in a row from all clients; password logins are locked with growing waits",
                    all.count());
        }
        return Optional.empty();
    }

    /** After a correct password: clears the counter of {@code address} and gives its attempt back globally. */
    public void succeeded(String address) {
        perAddress.invalidate(key(address));
        global.updateAndGet(a -> giveBack(a, freeGlobal));
    }

    private Attempts next(Attempts previous, Instant now, int free) {
        int count = previous.count() + 1;
        if (count < free) {
            return new Attempts(count, null, now);
        }
        int doublings = Math.min(count - free, 30);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        if (lockout.compareTo(maxLockout) > 0) {
            lockout = maxLockout;
        }
        return new Attempts(count, now.plus(lockout), now);
    }

    private static Attempts giveBack(Attempts a, int free) {
        int count = Math.max(0, a.count() - 1);
        return new Attempts(count, count < free ? null : a.lockedUntil(), a.lastAttempt());
    }

    /** A counter, forgotten after an hour without attempts. */
    private static Attempts current(Attempts a, Instant now) {
        if (a.lastAttempt() != null && Duration.between(a.lastAttempt(), now).toHours() >= FORGET_HOURS
                && (a.lockedUntil() == null || !a.lockedUntil().isAfter(now))) {
            return Attempts.NONE;
        }
        return a;
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

    private record Attempts(int count, Instant lockedUntil, Instant lastAttempt) {
        static final Attempts NONE = new Attempts(0, null, null);

        Optional<Duration> waitAt(Instant now) {
            return lockedUntil == null || !lockedUntil.isAfter(now) ? Optional.empty()
                    : Optional.of(Duration.between(now, lockedUntil));
        }
    }
}
