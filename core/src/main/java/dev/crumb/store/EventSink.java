package dev.crumb.store;

import java.time.Instant;
import java.util.List;

/**
 * The write side of analytics, called by Crumb's background writer in batches (never on a request
 * thread).
 */
public interface EventSink {

    /** Writes one batch atomically: either all of it is stored or, on an exception, none of it. */
    void write(List<PageView> pageViews, List<AnonymousPageView> anonymous);

    /**
     * Deletes raw page-view events older than {@code before}; daily aggregates are kept.
     *
     * @return how many raw events were deleted
     */
    long deleteRawEventsBefore(Instant before);
}
