package dev.crumb.internal.rights;

import java.time.Duration;

/** Retention without a store: nothing is kept, so nothing runs. */
enum RetentionOff implements Retention {
    INSTANCE;

    @Override
    public void later(Runnable task, Duration delay) {
        // Off: without a store there is nothing to erase again.
    }

    @Override
    public void close() {
        // Off: no thread to stop.
    }
}
