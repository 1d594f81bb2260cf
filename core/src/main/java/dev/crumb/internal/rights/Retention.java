package dev.crumb.internal.rights;

import java.time.Duration;

/**
 * The background work that keeps the store within its retention promises and runs delayed erasures:
 * a {@link RetentionJob} over the store, or {@link #off()} without a store, when there is nothing to keep
 * within limits and nothing to erase again.
 */
public interface Retention extends AutoCloseable {

    /** Without a store: runs nothing. */
    static Retention off() {
        return RetentionOff.INSTANCE;
    }

    /** Runs {@code task} once after {@code delay} in the background; failures are logged. Nothing when off. */
    void later(Runnable task, Duration delay);

    /** Stops the background work. */
    @Override
    void close();
}
