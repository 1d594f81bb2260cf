package dev.crumb.internal.tracking;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded buffer between request threads and the writer thread. {@link #offer} never blocks: when
 * the buffer is full the page view is dropped and counted. Counters are {@link LongAdder}s so that many
 * request threads update them without contention.
 */
public final class EventBuffer {

    private final ArrayBlockingQueue<TrackedView> queue;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean accepting = true;

    /** @param capacity the most page views held at once */
    public EventBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Adds a page view, or drops and counts it when the buffer is full or closed. Never blocks. */
    public boolean offer(TrackedView view) {
        if (accepting && queue.offer(view)) {
            recorded.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Waits up to {@code timeout} for one page view; {@code null} when none came. */
    TrackedView poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** Moves up to {@code max} waiting page views into {@code batch} without waiting. */
    public int drainTo(Collection<TrackedView> batch, int max) {
        return queue.drainTo(batch, max);
    }

    /** Refuses (and counts as dropped) every later offer: the filter is stopping. */
    void close() {
        accepting = false;
    }

    /** Page views waiting now. */
    public int size() {
        return queue.size();
    }

    /** Page views accepted so far. */
    public long recorded() {
        return recorded.sum();
    }

    /** Page views dropped so far. */
    public long dropped() {
        return dropped.sum();
    }
}
