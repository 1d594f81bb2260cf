package dev.crumb.internal.tracking;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.store.StoreFailures;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread that moves page views from the {@link EventBuffer} to the store. It writes
 * a batch when {@code batchSize} page views are waiting or the oldest has waited {@code flushInterval}.
 * While it is behind — another full batch is already waiting when one fills — it takes up to
 * {@value #CATCH_UP_BATCHES} batches at once, at most {@value #CATCH_UP_LIMIT} page views (or one batch, when
 * that is larger), so that one transaction neither holds other writers' visitors for seconds nor builds a
 * large undo log: a store's cost per page view falls with the size of its
 * transaction (on H2 each commit writes every B-tree page the batch touched, and a larger batch touches
 * each shared page once for more page views), so a writer that falls behind catches up instead of
 * dropping more.
 * When the store refuses a batch, the batch is kept and retried with a growing pause while new page
 * views keep filling the bounded buffer, so an outage loses at most what overflows the buffer. Once a
 * day it asks the store to delete raw events older than the retention. A graceful {@link #close} writes
 * everything buffered, waiting at most {@code shutdownWait}.
 *
 * <p>The thread is never interrupted: JDBC drivers may close their connection on an interrupt. It
 * checks for a stop at least every {@value #SLICE_MILLIS} ms instead. While stopping, the pause between
 * retries runs on the clock (the stop signal is already given and would no longer hold it back), and the
 * whole drain ends at {@code shutdownWait}. A failing store is logged once per kind of failure (exception
 * type and SQL state) until writes resume, not once per retry.
 *
 * <p>Several servers may write to one database. The store may leave the page views of visitors another server's
 * writer is writing at that moment ({@link EventSink#writeOrDefer}); they go ahead of the next batch instead of
 * this writer waiting for the other's whole transaction, at most {@value #MAX_DEFERRED_ROUNDS} batches in a row.
 * They count as queued meanwhile, and a stop writes them (waiting) with the rest.
 *
 * <p>The writer never starves the site. While the buffer overflows (it dropped page views since the last batch),
 * the store cannot keep up whatever the writer does, and every page view it still writes takes CPU from the
 * requests: then, after each batch, it rests for as long as the batch's CPU time allows within its share of
 * the machine ({@link #overloadShare}), so the buffer drops more and the pages keep their cores. Once nothing is
 * dropped it writes at full speed again, and catches up.
 */
final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final long SLICE_MILLIS = 50;
    /** How long the writer sleeps between looks at the buffer while a batch fills. */
    private static final long LINGER_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How many batches the writer takes at once while a backlog waits. */
    static final int CATCH_UP_BATCHES = 10;
    /** The most page views a catch-up batch takes, unless one batch is larger. */
    static final int CATCH_UP_LIMIT = 20_000;
    /**
     * Batches in a row in which the store may leave page views of visitors another writer holds for the next
     * batch ({@link EventSink#writeOrDefer}); the batch after them waits for those writers instead, so no visitor's
     * page views are put off for ever.
     */
    static final int MAX_DEFERRED_ROUNDS = 3;
    /**
     * The share of the machine's processors the writer may use while the buffer overflows: an eighth, so a quarter
     * of a core on 2 processors, and no limit from 8 processors up (one thread cannot use more than a core).
     */
    static final double OVERLOAD_MACHINE_SHARE = 0.125;
    /** The longest rest after one batch while the buffer overflows. */
    static final Duration MAX_OVERLOAD_REST = Duration.ofSeconds(2);
    /** An overflowing buffer is logged at most this often. */
    private static final Duration OVERFLOW_LOG_INTERVAL = Duration.ofMinutes(5);
    private static final Duration RETENTION_PERIOD = Duration.ofDays(1);
    private static final Duration RETENTION_RETRY = Duration.ofHours(1);

    private final EventBuffer buffer;
    private final EventSink sink;
    private final VisitorHasher hasher;
    private final Clock clock;
    private final int batchSize;
    private final long flushNanos;
    private final Duration retention;
    private final Duration shutdownWait;
    private final RetryBackoff backoff;
    /** The share of one core the writer may use while the buffer overflows; 1 or more for no limit. */
    private final double overloadShare;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean keepRawEvents;
    private final Thread thread;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong overloadRestNanos = new AtomicLong();
    private long droppedAtLastBatch;
    private long lastOverflowLog = System.nanoTime() - OVERFLOW_LOG_INTERVAL.toNanos();
    private volatile boolean stopping;
    private volatile long stopDeadline;
    /** Page views the store left for a later batch (visitors another writer held): for how many batches in a row. */
    private List<PageView> carried = List.of();
    private int deferredRounds;
    private Instant nextRetention;

    public EventWriter(EventBuffer buffer, EventSink sink, VisitorHasher hasher, Clock clock, int batchSize,
                       Duration flushInterval, Duration retention, boolean keepRawEvents, Duration shutdownWait,
                       RetryBackoff backoff) {
        this(buffer, sink, hasher, clock, batchSize, flushInterval, retention, keepRawEvents, shutdownWait, backoff,
                TrackingSettings.DEFAULTS.overflowWriterShare());
    }

    /** @param overloadShare the share of one core the writer may use while the buffer overflows (1: no limit) */
    EventWriter(EventBuffer buffer, EventSink sink, VisitorHasher hasher, Clock clock, int batchSize,
                Duration flushInterval, Duration retention, boolean keepRawEvents, Duration shutdownWait,
                RetryBackoff backoff, double overloadShare) {
        if (!(overloadShare > 0)) {
            throw new IllegalArgumentException("overloadShare must be above 0, was " + overloadShare);
        }
        this.overloadShare = overloadShare;
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        this.retention = Objects.requireNonNull(retention, "retention");
        this.keepRawEvents = keepRawEvents;
        this.shutdownWait = Objects.requireNonNull(shutdownWait, "shutdownWait");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.thread = new Thread(this::run, "crumb-tracking-writer");
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    public EventWriter start() {
        nextRetention = clock.instant();
        thread.start();
        return this;
    }

    /** The pipeline's counters now. */
    public TrackingMetrics metrics() {
        // Queued is derived from the counters rather than from the buffer's size plus the batch in hand: the
        // writer takes page views out of the buffer while it assembles a batch, and a page view must not drop
        // out of sight in between. Written and abandoned are read before recorded, so the difference never
        // counts a page view as gone before it is; the buffer counts an accepted page view just after queueing
        // it, hence the floor.
        long done = written.get();
        long gaveUp = abandoned.get();
        long recorded = buffer.recorded();
        return new TrackingMetrics(recorded, done, buffer.dropped(), failedWrites.get(), gaveUp,
                Math.max(0, recorded - done - gaveUp));
    }

    /**
     * Stops accepting page views, writes what is buffered (retrying a failing store until the shutdown
     * wait is used up) and ends the thread. What is still unwritten then is counted as abandoned.
     */
    @Override
    public void close() {
        if (stopping) {
            return;
        }
        buffer.close();
        stopDeadline = System.nanoTime() + shutdownWait.toNanos();
        stopping = true;
        stopSignal.countDown();
        try {
            thread.join(shutdownWait.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the tracking writer did not finish within {}: the store is still busy with a batch", shutdownWait);
        }
    }

    private void run() {
        Batch pending = null;
        Duration pause = backoff.first();
        long failuresInRow = 0;
        Set<String> failureKinds = new HashSet<>();
        while (true) {
            if (stopping && (System.nanoTime() - stopDeadline >= 0
                    || (pending == null && buffer.size() == 0 && carried.isEmpty()))) {
                break;
            }
            runRetentionWhenDue();
            if (pending == null) {
                pending = Batch.with(carried, nextBatch());
                carried = List.of();
                if (pending == null) {
                    continue;
                }
            }
            try {
                long cpuBefore = threadCpuNanos();
                List<PageView> deferred;
                if (stopping || deferredRounds >= MAX_DEFERRED_ROUNDS) {
                    sink.write(pending.pageViews(), pending.anonymous(), keepRawEvents);
                    deferred = List.of();
                } else {
                    deferred = sink.writeOrDefer(pending.pageViews(), pending.anonymous(), keepRawEvents);
                }
                written.addAndGet(pending.size() - deferred.size());
                carried = deferred;
                deferredRounds = deferred.isEmpty() ? 0 : deferredRounds + 1;
                pending = null;
                pause = backoff.first();
                if (failuresInRow > 0) {
                    LOG.info("page-view writes resumed after {} failed attempt(s)", failuresInRow);
                    failuresInRow = 0;
                    failureKinds.clear();
                }
                restWhileOverflowing(cpuBefore);
            } catch (RuntimeException e) {
                failedWrites.incrementAndGet();
                failuresInRow++;
                if (failureKinds.add(kind(e))) {
                    LOG.warn("the store refused a batch of {} page view(s) ({}: {}); keeping it and retrying with"
                            + " back-off; further failures of this kind are not logged until writes resume",
                            pending.size(), e.getClass().getSimpleName(), e.getMessage());
                }
                pauseFor(pause);
                pause = backoff.next(pause);
            }
        }
        long left = (pending == null ? 0 : pending.size()) + carried.size() + drainRemaining();
        if (left > 0) {
            abandoned.addAndGet(left);
            LOG.warn("tracking stopped with {} page view(s) unwritten: the store did not take them within {}", left,
                    shutdownWait);
        }
    }

    /** The share of one core the writer may use while the buffer overflows, on a machine of {@code processors}. */
    static double machineOverloadShare(int processors) {
        return Math.min(1.0, OVERLOAD_MACHINE_SHARE * Math.max(1, processors));
    }

    /**
     * How long to rest after a batch that took {@code cpuNanos} of CPU, so that the writer uses at most {@code share}
     * of a core: 0 with no limit, at most {@link #MAX_OVERLOAD_REST}.
     */
    static long restNanos(long cpuNanos, double share) {
        if (share >= 1 || cpuNanos <= 0) {
            return 0;
        }
        return (long) Math.min(cpuNanos * (1 - share) / share, MAX_OVERLOAD_REST.toNanos());
    }

    /** The share of one core this writer may use while the buffer overflows (1 or more: no limit). */
    double overloadShare() {
        return overloadShare;
    }

    /** Time the writer rested so far because the buffer overflowed. */
    Duration overloadRest() {
        return Duration.ofNanos(overloadRestNanos.get());
    }

    /** After a batch written from {@code cpuBefore}: rests while the buffer drops page views (see the class). */
    private void restWhileOverflowing(long cpuBefore) {
        long dropped = buffer.dropped();
        boolean overflowing = dropped != droppedAtLastBatch && !stopping;
        droppedAtLastBatch = dropped;
        if (overflowing && System.nanoTime() - lastOverflowLog >= OVERFLOW_LOG_INTERVAL.toNanos()) {
            lastOverflowLog = System.nanoTime();
            LOG.info("the tracking buffer overflows: page views are dropped and counted ({} so far){}", dropped,
                    overloadShare >= 1 ? "" : String.format(Locale.ROOT,
                            "; until it catches up the writer takes at most %.2f of a core", overloadShare));
        }
        if (!overflowing || cpuBefore < 0) {
            return;
        }
        long cpuAfter = threadCpuNanos();
        if (cpuAfter < 0) {
            return;
        }
        long rest = restNanos(cpuAfter - cpuBefore, overloadShare);
        if (rest > 0) {
            long start = System.nanoTime();
            pauseFor(Duration.ofNanos(rest));
            overloadRestNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** This thread's CPU time, or -1 when the JVM does not measure it. */
    private long threadCpuNanos() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** How many page views a batch takes while a backlog waits. */
    int catchUpSize() {
        return Math.max(batchSize, (int) Math.min((long) batchSize * CATCH_UP_BATCHES, CATCH_UP_LIMIT));
    }

    /** The next batch: full, or whatever arrived within the flush interval of its first page view. */
    private Batch nextBatch() {
        List<TrackedView> views = new ArrayList<>(Math.min(batchSize, 1024));
        try {
            if (stopping) {
                buffer.drainTo(views, batchSize);
            } else {
                TrackedView first = buffer.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return null;
                }
                views.add(first);
                long deadline = System.nanoTime() + flushNanos;
                while (views.size() < batchSize && !stopping) {
                    buffer.drainTo(views, batchSize - views.size());
                    long left = deadline - System.nanoTime();
                    if (views.size() >= batchSize || left <= 0) {
                        break;
                    }
                    // Sleeps rather than waiting on the buffer: a waiting writer would be woken by every page
                    // view that arrives (an unpark on the request thread and a wake-up here, per request).
                    LockSupport.parkNanos(Math.min(left, LINGER_SLICE_NANOS));
                }
                if (views.size() < batchSize) {
                    buffer.drainTo(views, batchSize - views.size());
                }
                if (views.size() >= batchSize && buffer.size() >= batchSize) {
                    buffer.drainTo(views, catchUpSize() - views.size());
                }
            }
        } catch (InterruptedException e) {
            // Nobody interrupts this thread on purpose; keep what we have and carry on.
            Thread.interrupted();
        }
        return views.isEmpty() ? null : Batch.of(views, hasher);
    }

    private long drainRemaining() {
        List<TrackedView> rest = new ArrayList<>();
        buffer.drainTo(rest, Integer.MAX_VALUE);
        return rest.size();
    }

    /**
     * Waits before the next retry. Before a stop, the stop signal cuts the wait short so that the drain starts
     * at once; once stopping, the signal is spent, so the wait runs on the clock up to the stop deadline.
     */
    private void pauseFor(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        if (!stopping) {
            try {
                stopSignal.await(pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.interrupted();
            }
            return;
        }
        until = Math.min(until, stopDeadline);
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** The kind of a failure, for logging each kind once: the exception type and the SQL state of its cause. */
    private static String kind(RuntimeException e) {
        String state = StoreFailures.sqlState(e.getCause());
        return state == null ? e.getClass().getName() : e.getClass().getName() + ' ' + state;
    }

    private void runRetentionWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextRetention) || stopping) {
            return;
        }
        try {
            long deleted = sink.deleteRawEventsBefore(now.minus(retention));
            nextRetention = now.plus(RETENTION_PERIOD);
            if (deleted > 0) {
                LOG.info("deleted {} raw page-view event(s) older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            nextRetention = now.plus(RETENTION_RETRY);
            LOG.warn("could not delete old page-view events ({}); trying again in an hour", e.getClass().getSimpleName());
        }
    }

    /**
     * A batch in the form the store takes; the visitor IDs are hashed here, off the request threads, each once
     * per batch however many of its page views it has (an HMAC-SHA-256 per page view was about a tenth of the
     * writer's time with returning visitors).
     */
    private record Batch(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        /** {@code carried} page views ahead of {@code next} (either may be empty or null). */
        static Batch with(List<PageView> carried, Batch next) {
            if (carried.isEmpty()) {
                return next;
            }
            if (next == null) {
                return new Batch(carried, List.of());
            }
            List<PageView> views = new ArrayList<>(carried.size() + next.pageViews.size());
            views.addAll(carried);
            views.addAll(next.pageViews);
            return new Batch(List.copyOf(views), next.anonymous);
        }

        static Batch of(List<TrackedView> views, VisitorHasher hasher) {
            List<PageView> attributed = new ArrayList<>();
            List<AnonymousPageView> anonymous = new ArrayList<>();
            Map<String, String> keys = new HashMap<>();
            for (TrackedView v : views) {
                if (v.isAnonymous()) {
                    anonymous.add(v.toAnonymous());
                } else {
                    attributed.add(v.toPageView(keys.computeIfAbsent(v.visitorId(), hasher::visitorKey)));
                }
            }
            return new Batch(List.copyOf(attributed), List.copyOf(anonymous));
        }

        int size() {
            return pageViews.size() + anonymous.size();
        }
    }
}
