package dev.crumb.testsupport;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventSink} that keeps what it is given, in memory, for tests of the tracking pipeline: it
 * can be taken "down" (every write throws, nothing is kept, as the SPI demands of a failed batch) and
 * held (writes block until released), and it records the batch sizes and retention calls it saw.
 */
public final class CollectingSink implements EventSink {

    private final List<PageView> pageViews = new ArrayList<>();
    private final List<AnonymousPageView> anonymous = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final List<Instant> retentionCalls = new ArrayList<>();
    private final List<Boolean> rawEventFlags = new ArrayList<>();
    private final Map<String, Integer> deferrals = new HashMap<>();
    private int deferredBatches;
    private volatile boolean down;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private int failures;

    @Override
    public void write(List<PageView> views, List<AnonymousPageView> anonymousViews, boolean keepRawEvents) {
        write(views, anonymousViews);
        synchronized (this) {
            rawEventFlags.add(keepRawEvents);
        }
    }

    /** Whether each batch written through the three-argument write asked for raw events, in order. */
    public synchronized List<Boolean> rawEventFlags() {
        return List.copyOf(rawEventFlags);
    }

    @Override
    public void write(List<PageView> views, List<AnonymousPageView> anonymousViews) {
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test sink held for too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        synchronized (this) {
            if (down) {
                failures++;
                throw new IllegalStateException("the test database is down");
            }
            pageViews.addAll(views);
            anonymous.addAll(anonymousViews);
            batchSizes.add(views.size() + anonymousViews.size());
        }
    }

    /**
     * Leaves the page views of the visitors set by {@link #defer} for a later batch, as a store does while another
     * writer holds them, and writes the rest.
     */
    @Override
    public List<PageView> writeOrDefer(List<PageView> views, List<AnonymousPageView> anonymousViews,
                                       boolean keepRawEvents) {
        List<PageView> now = new ArrayList<>();
        List<PageView> later = new ArrayList<>();
        synchronized (this) {
            views.forEach(view -> (deferrals.getOrDefault(view.visitorKey(), 0) > 0 ? later : now).add(view));
            later.stream().map(PageView::visitorKey).distinct()
                    .forEach(key -> deferrals.computeIfPresent(key, (k, left) -> left > 1 ? left - 1 : null));
            deferredBatches += later.isEmpty() ? 0 : 1;
        }
        write(now, anonymousViews, keepRawEvents);
        return later;
    }

    /** Makes the next {@code batches} calls of {@link #writeOrDefer} that meet {@code visitorKey} leave it for later. */
    public synchronized void defer(String visitorKey, int batches) {
        deferrals.put(visitorKey, batches);
    }

    /** How many calls of {@link #writeOrDefer} left page views for later. */
    public synchronized int deferredBatches() {
        return deferredBatches;
    }

    @Override
    public synchronized long deleteRawEventsBefore(Instant before) {
        retentionCalls.add(before);
        return 0;
    }

    /** Makes every write fail (true) or succeed (false). */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Makes writes block until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** Lets held writes proceed. */
    public void release() {
        hold.countDown();
    }

    public synchronized List<PageView> pageViews() {
        return List.copyOf(pageViews);
    }

    public synchronized List<AnonymousPageView> anonymous() {
        return List.copyOf(anonymous);
    }

    public synchronized int total() {
        return pageViews.size() + anonymous.size();
    }

    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public synchronized List<Instant> retentionCalls() {
        return List.copyOf(retentionCalls);
    }

    public synchronized int failures() {
        return failures;
    }
}
