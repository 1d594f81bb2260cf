package dev.crumb.internal.rights;

import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.StoredVisits;
import dev.crumb.store.VisitorRecords;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server keeps under a visitor's key, for the visitor's rights: reading it for
 * {@code /crumb/me} and erasing it on "forget me". Page views of the forgotten ID may still wait in the
 * tracking buffer when the visitor asks, so the erasure runs again once the buffer has been written.
 * Without a store there is nothing on the server: reads are empty and erasing does nothing.
 */
public final class StoredData {

    private static final Logger LOG = LoggerFactory.getLogger(StoredData.class);

    private final VisitorRecords records;
    private final VisitorHasher hasher;
    private final Retention job;
    private final Duration secondErasure;

    /**
     * @param records       the store's per-visitor rows, or {@code null} without a store
     * @param job           where the second erasure runs ({@link Retention#off()} without a store)
     * @param secondErasure when to erase again: after the tracking buffer has been written for sure
     */
    public StoredData(VisitorRecords records, VisitorHasher hasher, Retention job, Duration secondErasure) {
        this.records = records;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.job = Objects.requireNonNull(job, "job");
        this.secondErasure = Objects.requireNonNull(secondErasure, "secondErasure");
    }

    /** Whether a store keeps visits on the server. */
    public boolean kept() {
        return records != null;
    }

    /** What is stored under the visitor's key; empty (not a failure) when the store cannot be read. */
    public Optional<StoredVisits> of(String visitorId, int visitLimit) {
        if (records == null) {
            return Optional.of(StoredVisits.NONE);
        }
        try {
            return Optional.of(records.visits(hasher.visitorKey(visitorId), visitLimit));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Erases the per-visit rows of the forgotten visitor now and once more after the tracking buffer was
     * written. A failure now is logged (no key) and left to the second erasure.
     */
    public void forget(String visitorId) {
        if (records == null) {
            return;
        }
        String key = hasher.visitorKey(visitorId);
        try {
            records.erase(key);
        } catch (RuntimeException e) {
            LOG.warn("could not erase a forgotten visitor's rows now ({}); trying again in {}",
                    e.getClass().getSimpleName(), secondErasure);
        }
        job.later(() -> records.erase(key), secondErasure);
    }
}
