package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.LogCapture;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The writer never starves the site: while the buffer overflows it rests in proportion to its CPU")
class EventWriterOverloadTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofMillis(5), Duration.ofMillis(40));
    private static final long BATCH_CPU_NANOS = Duration.ofMillis(20).toNanos();

    @Test
    @DisplayName("the rest after a batch gives the share asked for: a quarter of a core rests three times the batch's CPU")
    void restForShare() {
        long tenMillis = Duration.ofMillis(10).toNanos();

        assertThat(EventWriter.restNanos(tenMillis, 0.25)).isEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(EventWriter.restNanos(tenMillis, 0.5)).isEqualTo(tenMillis);
        assertThat(EventWriter.restNanos(tenMillis, 1.0)).isZero();
        assertThat(EventWriter.restNanos(0, 0.25)).isZero();
        assertThat(EventWriter.restNanos(-1, 0.25)).isZero();
        assertThat(EventWriter.restNanos(Duration.ofSeconds(10).toNanos(), 0.25))
                .isEqualTo(EventWriter.MAX_OVERLOAD_REST.toNanos());
    }

    @Test
    @DisplayName("the share is an eighth of the machine: a quarter of a core on 2 processors, no limit from 8 up")
    void machineShare() {
        assertThat(EventWriter.machineOverloadShare(1)).isEqualTo(0.125);
        assertThat(EventWriter.machineOverloadShare(2)).isEqualTo(0.25);
        assertThat(EventWriter.machineOverloadShare(4)).isEqualTo(0.5);
        assertThat(EventWriter.machineOverloadShare(8)).isEqualTo(1.0);
        assertThat(EventWriter.machineOverloadShare(64)).isEqualTo(1.0);
        assertThatThrownBy(() -> writer(new EventBuffer(10), new BusySink(), 0.0))
                .hasMessageContaining("overloadShare must be above 0");
    }

    @Test
    @DisplayName("while page views are dropped the writer rests about three times its CPU at a quarter share, logs it once,"
            + " and writes every page view it accepted")
    void restsWhileOverflowing() {
        BusySink sink = new BusySink();
        EventBuffer buffer = new EventBuffer(20);
        EventWriter w;
        try (LogCapture log = LogCapture.start()) {
            w = writer(buffer, sink, 0.25);
            overflowUntil(buffer, sink, 6);
            long cpu = sink.cpuNanos.get();

            assertThat(sink.batches.get()).isGreaterThanOrEqualTo(6);
            assertThat(buffer.dropped()).isPositive();
            // Each batch after an overflow rests 3 x its CPU; the first batch may have come before any drop.
            assertThat(w.overloadRest().toNanos()).isGreaterThan(cpu);
            assertThat(log.text()).containsOnlyOnce("the tracking buffer overflows")
                    .contains("the writer takes at most 0.25 of a core");
        }
        long accepted = buffer.recorded();
        w.close();
        assertThat(sink.written.get()).isEqualTo(accepted);
    }

    @Test
    @DisplayName("without drops the writer never rests, however much CPU its batches take")
    void noRestWithoutOverflow() {
        BusySink sink = new BusySink();
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writer(buffer, sink, 0.25);
        for (int i = 0; i < 60; i++) {
            assertThat(buffer.offer(view(i))).isTrue();
            sleepMillis(2);
        }
        Eventually.await("all 60 written", () -> sink.written.get() == 60);
        w.close();

        assertThat(buffer.dropped()).isZero();
        assertThat(sink.batches.get()).isGreaterThanOrEqualTo(2);
        assertThat(w.overloadRest()).isZero();
    }

    @Test
    @DisplayName("with no limit (from 8 processors up) an overflowing buffer does not make the writer rest")
    void noLimitNoRest() {
        BusySink sink = new BusySink();
        EventBuffer buffer = new EventBuffer(20);
        EventWriter w = writer(buffer, sink, 1.0);
        overflowUntil(buffer, sink, 4);
        w.close();

        assertThat(buffer.dropped()).isPositive();
        assertThat(w.overloadRest()).isZero();
    }

    @Test
    @DisplayName("the tracker gives its writer the configured share, and the default is the machine's")
    void trackerPassesTheShare() {
        TrackingSettings d = TrackingSettings.DEFAULTS;
        TrackingSettings half = new TrackingSettings(true, d.bufferCapacity(), d.batchSize(), d.flushInterval(),
                d.shutdownWait(), d.retention(), false, List.of(), d.pathNormaliser(), 0.5);
        QueuedPageTracker configured = QueuedPageTracker.start(half, "/crumb", new BusySink(),
                new VisitorHasher(new byte[32]), Clock.systemUTC(), BACKOFF);
        QueuedPageTracker byDefault = QueuedPageTracker.start(d, "/crumb", new BusySink(),
                new VisitorHasher(new byte[32]), Clock.systemUTC(), BACKOFF);
        try {
            assertThat(configured.overflowWriterShare()).isEqualTo(0.5);
            assertThat(byDefault.overflowWriterShare())
                    .isEqualTo(EventWriter.machineOverloadShare(Runtime.getRuntime().availableProcessors()));
        } finally {
            configured.close();
            byDefault.close();
        }
        assertThatThrownBy(() -> new TrackingSettings(true, 100, 10, d.flushInterval(), d.shutdownWait(),
                d.retention(), false, List.of(), d.pathNormaliser(), 0)).hasMessageContaining("overflowWriterShare");
    }

    private static EventWriter writer(EventBuffer buffer, EventSink sink, double share) {
        return new EventWriter(buffer, sink, new VisitorHasher(new byte[32]), Clock.systemUTC(), 10,
                Duration.ofMillis(5), Duration.ofDays(90), false, Duration.ofSeconds(5), BACKOFF, share).start();
    }

    /**
     * Offers page views far faster than 10 per 20 ms of the writer's CPU, so the buffer overflows, until the store
     * has taken {@code batches} batches (at most 30 s).
     */
    private static void overflowUntil(EventBuffer buffer, BusySink sink, int batches) {
        long offered = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sink.batches.get() < batches && System.nanoTime() - deadline < 0) {
            buffer.offer(view(offered++));
            if (offered % 50 == 0) {
                sleepMillis(1);
            }
        }
    }

    private static TrackedView view(long i) {
        return TrackedView.anonymous(T0.plusMillis(i), "/p" + i);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store whose every batch burns {@link #BATCH_CPU_NANOS} of the writer thread's CPU. */
    private static final class BusySink implements EventSink {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong written = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();

        @Override
        public void write(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
            long start = threads.getCurrentThreadCpuTime();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() - start < BATCH_CPU_NANOS) {
                x += System.nanoTime() & 1;
            }
            cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - start + (x & 0));
            written.addAndGet(pageViews.size() + anonymous.size());
            batches.incrementAndGet();
        }

        @Override
        public long deleteRawEventsBefore(Instant before) {
            return 0;
        }
    }
}
