package dev.crumb.internal.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crumb.ConsentDefaultMetrics;
import dev.crumb.ConsentSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records consent defaults as proof without store I/O on the request thread. A request only looks the
 * default up in a bounded set of recently seen ones and, the first time, puts it on a small bounded
 * queue (never waiting: when the queue is full the default is dropped, counted and offered again on the
 * visitor's next page). One background thread writes the queue with insert-if-absent, so a replayed
 * cookie costs no store work at all and the log keeps one record per default across servers.
 *
 * <p>Once a default is durable, the next page of that visitor puts it into the cookie (once per server),
 * so a browser that keeps its cookie never asks again. After a store failure recording pauses for 30
 * seconds, as page views must not pile up behind a store that is down.
 */
public final class ConsentDefaultRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentDefaultRecorder.class);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);
    /**
     * A few seconds of defaults at the rate a single writer keeps up with; beyond that they are dropped.
     * The write in progress holds at most as many again.
     */
    static final int QUEUE_CAPACITY = 1024;
    /** Enough for the visitors of the last minutes; an evicted default costs one insert that finds it there. */
    static final long RECENT_DEFAULTS = 50_000;
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ConsentJournal journal;
    private final Clock clock;
    private final Cache<Key, Progress> recent;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Semaphore wakeUp = new Semaphore(0);
    /** Held while queued defaults are written, so that {@link #flush} and the writer never interleave. */
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong alreadyRecorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    /** Defaults queued so far, and those of them written or given up since: the difference is what waits. */
    private final AtomicLong queuedTotal = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    private ConsentDefaultRecorder(ConsentJournal journal, Clock clock, long recentDefaults) {
        this.journal = journal;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumSize(recentDefaults).build();
        this.writer = journal.keepsProof() ? new Thread(this::run, "crumb-consent-defaults") : null;
    }

    /** Starts the writer thread, unless the journal keeps no proof (then nothing is ever recorded). */
    public static ConsentDefaultRecorder start(ConsentJournal journal, Clock clock) {
        return start(journal, clock, RECENT_DEFAULTS);
    }

    static ConsentDefaultRecorder start(ConsentJournal journal, Clock clock, long recentDefaults) {
        ConsentDefaultRecorder recorder = new ConsentDefaultRecorder(Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(clock, "clock"), recentDefaults);
        if (recorder.writer != null) {
            recorder.writer.setDaemon(true);
            recorder.writer.start();
        }
        return recorder;
    }

    /**
     * Called on the request thread for a visitor whose cookie does not hold the default {@code state}
     * that applies now. Never blocks and never touches the store.
     *
     * @return when the default was recorded, if it is durable and this server has not yet offered it to
     *         the visitor's cookie; otherwise {@code null} (queued, still being written, or dropped)
     */
    public Instant offer(String visitorId, ConsentState state) {
        if (writer == null || !running || clock.millis() < pausedUntil.get()) {
            return null;
        }
        Key key = new Key(visitorId, ConsentState.bits(state.granted()), state.policyRevision(), state.source());
        Progress known = recent.asMap().putIfAbsent(key, Progress.QUEUED);
        if (known == null) {
            if (queue.offer(new Pending(key, state, clock.instant()))) {
                queuedTotal.incrementAndGet();
                wakeUp.release();
            } else {
                recent.asMap().remove(key, Progress.QUEUED);
                dropped.incrementAndGet();
            }
            return null;
        }
        if (known.stage() == Stage.RECORDED && recent.asMap().replace(key, known, known.offered())) {
            return known.at();
        }
        return null;
    }

    /**
     * When the default {@code state} of this visitor is queued or being written, writes the queue now, on
     * the calling thread: before an explicit choice is appended, so that a default applied before the
     * choice is also logged before it, and for the visitor's own proof pages. Waits at most two seconds
     * for a write in progress; store failures are handled as the writer handles them.
     */
    public void flushIfPending(String visitorId, ConsentState state) {
        if (writer == null || state.explicit()) {
            return;
        }
        Key key = new Key(visitorId, ConsentState.bits(state.granted()), state.policyRevision(), state.source());
        if (Progress.QUEUED.equals(recent.getIfPresent(key))) {
            flush();
        }
    }

    private void flush() {
        try {
            if (writing.tryLock(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    writeQueued();
                } finally {
                    writing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The counters so far. */
    public ConsentDefaultMetrics metrics() {
        // From counters, not from the queue's size plus the write in hand, so that a default the writer has
        // just taken from the queue never drops out of sight; settled is read first, so the difference never
        // counts a default as gone before it is (and is floored, as queuedTotal follows the queue's offer).
        long done = settled.get();
        return new ConsentDefaultMetrics(recorded.get(), alreadyRecorded.get(), dropped.get(), failedWrites.get(),
                Math.max(0, queuedTotal.get() - done));
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // close() ran out of patience: what is still queued is offered again after a restart.
                return;
            }
            wakeUp.drainPermits();
            writing.lock();
            try {
                writeQueued();
            } finally {
                writing.unlock();
            }
        }
    }

    /** Writes what is queued; the caller holds {@link #writing}. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        queue.drainTo(batch);
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (clock.millis() < pausedUntil.get()) {
                forget(batch.subList(i, batch.size()));
                return;
            }
            try {
                boolean added = journal.appendDefaultOnce(p.key().visitorId(), p.state(), p.at());
                // The default applies from when it was queued; a record another server wrote earlier is
                // equally good proof, and the cookie only needs a time, not that server's. The counters follow
                // the state, so that whoever sees a default counted as recorded can also have it offered.
                recent.asMap().replace(p.key(), Progress.QUEUED, new Progress(Stage.RECORDED, p.at()));
                (added ? recorded : alreadyRecorded).incrementAndGet();
                settled.incrementAndGet();
            } catch (ConsentJournal.ConsentNotRecordedException e) {
                failedWrites.incrementAndGet();
                pausedUntil.set(clock.millis() + PAUSE_AFTER_FAILURE.toMillis());
                LOG.warn("could not record a {} consent default ({}); defaults are paused for {} and offered again on"
                        + " the visitors' next pages", p.state().source().name().toLowerCase(Locale.ROOT),
                        e.getCause().getClass().getSimpleName(), PAUSE_AFTER_FAILURE);
                forget(batch.subList(i, batch.size()));
                return;
            }
        }
    }

    private void forget(List<Pending> unwritten) {
        for (Pending p : unwritten) {
            recent.asMap().remove(p.key(), Progress.QUEUED);
            dropped.incrementAndGet();
            settled.incrementAndGet();
        }
    }

    /** Stops taking defaults and writes what is queued, waiting up to ten seconds for the store. */
    @Override
    public void close() {
        running = false;
        if (writer == null) {
            return;
        }
        wakeUp.release();
        try {
            writer.join(CLOSE_WAIT.toMillis());
            if (writer.isAlive()) {
                writer.interrupt();
                LOG.warn("stopped with {} consent default(s) unwritten; they are recorded on the visitors' next pages",
                        queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One default of one visitor; the visitor ID stays in memory only, the store gets its keyed hash. */
    private record Key(String visitorId, int grantedBits, int policyRevision, ConsentSource source) {}

    private record Pending(Key key, ConsentState state, Instant at) {}

    private enum Stage { QUEUED, RECORDED, OFFERED }

    /** How far a default got on this server; {@code at} is when it was recorded (RECORDED, OFFERED). */
    private record Progress(Stage stage, Instant at) {
        static final Progress QUEUED = new Progress(Stage.QUEUED, null);

        Progress offered() {
            return new Progress(Stage.OFFERED, at);
        }
    }
}
