package dev.crumb.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something a background thread does (such as the tracking writer): polls the condition every
 * few milliseconds and fails with {@code what} when it does not hold within the timeout. Only for
 * outcomes of real concurrency; time-based rules use {@link MutableClock} instead.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Waits up to 10 seconds for {@code condition}. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }

    /** Waits up to {@code timeout} for {@code condition}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
