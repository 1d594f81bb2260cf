package dev.crumb.store;

import java.time.Instant;
import java.util.List;

/**
 * The write side of analytics, called by Crumb's background writer in batches (never on a request
 * thread).
 */
public interface EventSink {

    /**
     * Writes one batch atomically: either all of it is stored or, on an exception, none of it. Raw events (a row
     * per page view, aged out by {@link #deleteRawEventsBefore}) are kept, as by {@code write(…, true)}.
     */
    void write(List<PageView> pageViews, List<AnonymousPageView> anonymous);

    /**
     * Writes one batch atomically, like {@link #write(List, List)}, and keeps a row per page view (raw events)
     * only when {@code keepRawEvents}: the visits and the daily aggregates are the same either way, and every
     * number Crumb reports comes from them. Crumb's writer passes {@code tracking-raw-events} (off by default,
     * see {@code docs/tracking.md}). The default implementation keeps them, for stores that cannot leave them
     * out.
     */
    default void write(List<PageView> pageViews, List<AnonymousPageView> anonymous, boolean keepRawEvents) {
        write(pageViews, anonymous);
    }

    /**
     * Writes the page views of the visitors that no other writer holds at this moment, and the anonymous ones,
     * atomically like {@link #write(List, List, boolean)}, and returns the page views it left for a later batch:
     * those of visitors another writer (another server on the same database) is writing right now. Crumb's writer
     * puts them into its next batch instead of waiting for the other writer's whole transaction. The returned
     * page views are not stored; on an exception nothing is. The default implementation writes everything and
     * returns an empty list, for stores whose writers never wait for each other's visitors.
     */
    default List<PageView> writeOrDefer(List<PageView> pageViews, List<AnonymousPageView> anonymous,
                                        boolean keepRawEvents) {
        write(pageViews, anonymous, keepRawEvents);
        return List.of();
    }

    /**
     * Deletes raw page-view events older than {@code before}; daily aggregates are kept.
     *
     * @return how many raw events were deleted
     */
    long deleteRawEventsBefore(Instant before);
}
