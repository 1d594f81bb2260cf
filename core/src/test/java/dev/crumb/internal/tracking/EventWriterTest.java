package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import dev.crumb.testsupport.CollectingSink;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.LogCapture;
import dev.crumb.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The page-view pipeline: buffer and background writer")
class EventWriterTest {

    private static final RetryBackoff FAST_RETRY = new RetryBackoff(Duration.ofMillis(5), Duration.ofMillis(40));
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final CollectingSink sink = new CollectingSink();
    private final VisitorHasher hasher = new VisitorHasher(key());
    private final List<EventWriter> writers = new ArrayList<>();

    @AfterEach
    void stop() {
        sink.release();
        sink.down(false);
        writers.forEach(EventWriter::close);
    }

    private EventWriter writer(EventBuffer buffer, int batchSize, Duration flush, Duration shutdownWait) {
        return writer(buffer, batchSize, flush, shutdownWait, false);
    }

    private EventWriter writer(EventBuffer buffer, int batchSize, Duration flush, Duration shutdownWait,
                               boolean keepRawEvents) {
        EventWriter w = new EventWriter(buffer, sink, hasher, clock, batchSize, flush, Duration.ofDays(90),
                keepRawEvents, shutdownWait, FAST_RETRY).start();
        writers.add(w);
        return w;
    }

    /**
     * A writer of {@code batchSize} whose store holds its first batch (one page view) while {@code backlog} more
     * arrive, then takes them all: every page view has been written when it returns.
     */
    private EventWriter writeBacklog(int capacity, int batchSize, int backlog) {
        sink.hold();
        EventBuffer buffer = new EventBuffer(capacity);
        EventWriter w = writer(buffer, batchSize, Duration.ofMillis(10), Duration.ofSeconds(5));
        buffer.offer(view(0));
        Eventually.await("the first batch taken", () -> buffer.size() == 0);
        for (int i = 1; i <= backlog; i++) {
            buffer.offer(view(i));
        }

        sink.release();

        Eventually.await("all " + (backlog + 1) + " written", () -> sink.total() == backlog + 1);
        return w;
    }

    @Test
    @DisplayName("page views the store leaves for later go ahead of the next batch and count as queued meanwhile")
    void deferredPageViewsAreCarried() {
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writerWithHeldVisitor(buffer, 2);
        buffer.offer(view(1));

        Eventually.await("the other page view written", () -> sink.total() == 1);
        Eventually.await("the held visitor's page view written once it is free", () -> sink.total() == 2);
        assertThat(sink.deferredBatches()).isEqualTo(2);
        assertThat(sink.pageViews()).extracting(PageView::path).containsExactly("/held");
        Eventually.await("nothing queued", () -> w.metrics().queued() == 0);
        assertThat(w.metrics().written()).isEqualTo(2);
    }

    @Test
    @DisplayName("a visitor that stays held is put off at most MAX_DEFERRED_ROUNDS batches, then the writer waits for it")
    void deferralIsBounded() {
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writerWithHeldVisitor(buffer, 1_000);

        Eventually.await("written by a plain write", () -> sink.total() == 1);
        assertThat(sink.deferredBatches()).isEqualTo(EventWriter.MAX_DEFERRED_ROUNDS);
        assertThat(w.metrics().written()).isEqualTo(1);
    }

    @Test
    @DisplayName("a stop writes the page views the store left for later")
    void stopWritesDeferred() {
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writerWithHeldVisitor(buffer, 1_000);
        Eventually.await("the page view left for later", () -> sink.deferredBatches() >= 1);

        w.close();

        assertThat(sink.total()).isEqualTo(1);
        assertThat(w.metrics().queued()).isZero();
        assertThat(w.metrics().abandoned()).isZero();
    }

    /**
     * A writer whose store leaves one visitor's page views for later in the next {@code batches} batches that
     * meet it, with one page view of that visitor ({@code /held}) offered.
     */
    private EventWriter writerWithHeldVisitor(EventBuffer buffer, int batches) {
        String held = "BBBBBBBBBBBBBBBBBBBBBB";
        sink.defer(hasher.visitorKey(held), batches);
        EventWriter w = writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(5));
        buffer.offer(new TrackedView(T0, held, 1, "/held", "DE", "de", null));
        return w;
    }

    private static TrackedView view(int i) {
        return TrackedView.anonymous(T0.plusMillis(i), "/p" + i);
    }

    @Test
    @DisplayName("page views are written in batches of at most the batch size while the writer keeps up, none lost or repeated")
    void batches() {
        EventBuffer buffer = new EventBuffer(10_000);
        EventWriter w = writer(buffer, 500, Duration.ofMillis(50), Duration.ofSeconds(5));
        for (int i = 0; i < 1_200; i++) {
            buffer.offer(view(i));
            if (i % 400 == 399) {
                int written = i + 1;
                Eventually.await("the first " + written + " written", () -> sink.total() == written);
            }
        }
        Eventually.await("all 1200 written", () -> sink.total() == 1_200);
        assertThat(sink.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 500));
        assertThat(sink.anonymous().stream().map(AnonymousPageView::path).distinct().count()).isEqualTo(1_200);
        assertThat(w.metrics()).isEqualTo(new TrackingMetrics(1_200, 1_200, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("each page view carries the keyed hash of its visitor ID, the same for a visitor's page views in a batch")
    void visitorsAreHashedOncePerBatch() {
        EventBuffer buffer = new EventBuffer(100);
        writer(buffer, 50, Duration.ofMillis(200), Duration.ofSeconds(5));
        for (int i = 0; i < 30; i++) {
            buffer.offer(new TrackedView(T0.plusMillis(i), "visitor-" + i % 3, 1, "/p" + i, "DE", "de", null));
        }
        Eventually.await("all 30 written", () -> sink.total() == 30);

        assertThat(sink.pageViews()).hasSize(30).allSatisfy(view -> assertThat(view.visitorKey())
                .isEqualTo(hasher.visitorKey("visitor-" + Integer.parseInt(view.path().substring(2)) % 3)));
        assertThat(sink.pageViews().stream().map(PageView::visitorKey).distinct()).hasSize(3);
    }

    @Test
    @DisplayName("the writer asks the store for raw events exactly as configured")
    void passesTheRawEventsChoice() {
        EventBuffer buffer = new EventBuffer(100);
        writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(5));
        buffer.offer(view(1));
        Eventually.await("written", () -> sink.total() == 1);
        assertThat(sink.rawEventFlags()).containsExactly(false);

        EventBuffer keeping = new EventBuffer(100);
        writer(keeping, 10, Duration.ofMillis(10), Duration.ofSeconds(5), true);
        keeping.offer(view(2));
        Eventually.await("written", () -> sink.total() == 2);
        assertThat(sink.rawEventFlags()).containsExactly(false, true);
    }

    @Test
    @DisplayName("a writer that falls behind takes up to ten batches at once, and writes each page view once")
    void catchesUpWithLargerBatches() {
        EventWriter w = writeBacklog(20_000, 100, 3_000);

        assertThat(sink.batchSizes())
                .allSatisfy(size -> assertThat(size).isBetween(1, 100 * EventWriter.CATCH_UP_BATCHES));
        assertThat(sink.batchSizes()).contains(100 * EventWriter.CATCH_UP_BATCHES);
        assertThat(sink.anonymous().stream().map(AnonymousPageView::path).distinct().count()).isEqualTo(3_001);
        assertThat(w.metrics()).isEqualTo(new TrackingMetrics(3_001, 3_001, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("a catch-up batch takes ten batches, but at most 20 000 page views unless one batch is larger")
    void catchUpLimit() {
        EventBuffer buffer = new EventBuffer(100_000);
        assertThat(writer(buffer, 1, Duration.ofMillis(10), Duration.ofSeconds(5)).catchUpSize()).isEqualTo(10);
        assertThat(writer(buffer, 500, Duration.ofMillis(10), Duration.ofSeconds(5)).catchUpSize()).isEqualTo(5_000);
        assertThat(writer(buffer, 5_000, Duration.ofMillis(10), Duration.ofSeconds(5)).catchUpSize())
                .isEqualTo(EventWriter.CATCH_UP_LIMIT);
        assertThat(writer(buffer, 10_000, Duration.ofMillis(10), Duration.ofSeconds(5)).catchUpSize())
                .isEqualTo(EventWriter.CATCH_UP_LIMIT);
    }

    @Test
    @DisplayName("a backlog of a large batch size is written in catch-up batches of at most the limit")
    void catchUpBatchesStayWithinTheLimit() {
        EventWriter w = writeBacklog(100_000, 5_000, 50_000);

        assertThat(sink.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, EventWriter.CATCH_UP_LIMIT));
        assertThat(sink.batchSizes()).contains(EventWriter.CATCH_UP_LIMIT);
        assertThat(w.metrics().written()).isEqualTo(50_001);
    }

    @Test
    @DisplayName("a lone page view is written once the flush interval has passed, without waiting for a full batch")
    void flushInterval() {
        EventBuffer buffer = new EventBuffer(1_000);
        writer(buffer, 500, Duration.ofMillis(30), Duration.ofSeconds(5));
        buffer.offer(view(1));
        Eventually.await("the single page view written", Duration.ofSeconds(3), () -> sink.total() == 1);
        assertThat(sink.batchSizes()).containsExactly(1);
    }

    @Test
    @DisplayName("attributed page views reach the store with the keyed hash, never the visitor ID")
    void hashesVisitorIds() {
        EventBuffer buffer = new EventBuffer(1_000);
        writer(buffer, 10, Duration.ofMillis(20), Duration.ofSeconds(5));
        String id = "AAAAAAAAAAAAAAAAAAAAAA";
        buffer.offer(new TrackedView(T0, id, 3, "/a", "DE", "de", "news.test"));
        Eventually.await("written", () -> sink.total() == 1);
        PageView stored = sink.pageViews().get(0);
        assertThat(stored).isEqualTo(new PageView(T0, hasher.visitorKey(id), 3, "/a", "DE", "de", "news.test"));
        assertThat(stored.visitorKey()).isNotEqualTo(id);
    }

    @Test
    @DisplayName("page views the writer has taken for the batch it is still gathering count as queued")
    void gatheringBatchIsQueued() {
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writer(buffer, 10, Duration.ofSeconds(30), Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            buffer.offer(view(i));
        }
        Eventually.await("the writer took the three page views", () -> buffer.size() == 0);

        TrackingMetrics gathering = w.metrics();
        assertThat(sink.total()).isZero();
        assertThat(gathering.recorded()).isEqualTo(3);
        assertThat(gathering.queued()).isEqualTo(3);
    }

    @Test
    @DisplayName("when the store stalls, a full buffer drops and counts page views instead of blocking requests")
    void backPressure() {
        sink.hold();
        EventBuffer buffer = new EventBuffer(100);
        EventWriter w = writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(5));
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            accepted += buffer.offer(view(i)) ? 1 : 0;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        TrackingMetrics stalled = w.metrics();
        // The buffer's capacity, plus what the writer took out before the store stalled: one batch, or up to
        // CATCH_UP_BATCHES of them when a backlog was already waiting.
        assertThat(stalled.recorded()).isEqualTo(accepted).isBetween(100L, 100L + EventWriter.CATCH_UP_BATCHES * 10L);
        assertThat(stalled.dropped()).isEqualTo(10_000 - accepted);
        assertThat(stalled.queued()).isEqualTo(accepted);

        sink.release();
        Eventually.await("everything accepted is written", () -> sink.total() == stalled.recorded());
        Eventually.await("queue empty", () -> w.metrics().queued() == 0);
        assertThat(w.metrics().written()).isEqualTo(stalled.recorded());
    }

    @Test
    @DisplayName("a failing store is retried with the same batch; after it recovers nothing within the bound is lost")
    void failingStoreRecovers() {
        sink.down(true);
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writer(buffer, 20, Duration.ofMillis(10), Duration.ofSeconds(5));
        for (int i = 0; i < 50; i++) {
            buffer.offer(view(i));
        }
        Eventually.await("several failed attempts", () -> w.metrics().failedWrites() >= 3);
        for (int i = 50; i < 300; i++) {
            buffer.offer(view(i));
        }
        assertThat(w.metrics().queued()).isEqualTo(300);
        assertThat(sink.total()).isZero();

        sink.down(false);

        Eventually.await("all 300 written after recovery", () -> sink.total() == 300);
        assertThat(sink.anonymous().stream().map(AnonymousPageView::path).distinct().count()).isEqualTo(300);
        TrackingMetrics m = w.metrics();
        assertThat(m.written()).isEqualTo(300);
        assertThat(m.dropped()).isZero();
        assertThat(m.failedWrites()).isEqualTo(sink.failures());
    }

    @Test
    @DisplayName("while the store is down, page views beyond the buffer are dropped and counted; the rest arrive later")
    void outageBeyondBound() {
        sink.down(true);
        EventBuffer buffer = new EventBuffer(100);
        EventWriter w = writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(5));
        buffer.offer(view(0));
        Eventually.await("the first batch failed", () -> w.metrics().failedWrites() >= 1);
        for (int i = 1; i < 500; i++) {
            buffer.offer(view(i));
        }
        TrackingMetrics during = w.metrics();
        assertThat(during.recorded() + during.dropped()).isEqualTo(500);
        assertThat(during.queued()).isLessThanOrEqualTo(100 + 10);

        sink.down(false);
        Eventually.await("the buffered ones written", () -> sink.total() == during.recorded());
        assertThat(w.metrics().dropped()).isEqualTo(500 - during.recorded());
    }

    @Test
    @DisplayName("a graceful stop writes everything buffered, without waiting for the flush interval")
    void gracefulStopDrains() {
        EventBuffer buffer = new EventBuffer(10_000);
        EventWriter w = writer(buffer, 100, Duration.ofMinutes(1), Duration.ofSeconds(5));
        for (int i = 0; i < 950; i++) {
            buffer.offer(view(i));
        }
        long start = System.nanoTime();
        w.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(sink.total()).isEqualTo(950);
        assertThat(w.metrics()).isEqualTo(new TrackingMetrics(950, 950, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("a stop while the store is down gives up after the shutdown wait and counts what was abandoned")
    void stopWithStoreDown() {
        sink.down(true);
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writer(buffer, 10, Duration.ofMillis(10), Duration.ofMillis(300));
        for (int i = 0; i < 35; i++) {
            buffer.offer(view(i));
        }
        long start = System.nanoTime();
        w.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        TrackingMetrics m = w.metrics();
        assertThat(m.abandoned()).isEqualTo(35);
        assertThat(m.written()).isZero();
        assertThat(m.queued()).isZero();
    }

    @Test
    @DisplayName("stopping with a store that refuses every write backs off on the clock and logs the failure once")
    void stopWithStoreDownDoesNotSpin() {
        sink.down(true);
        EventBuffer buffer = new EventBuffer(1_000);
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        EventWriter w = new EventWriter(buffer, sink, hasher, clock, 10, Duration.ofMillis(10), Duration.ofDays(90), true,
                Duration.ofSeconds(1), backoff).start();
        writers.add(w);
        for (int i = 0; i < 35; i++) {
            buffer.offer(view(i));
        }
        Eventually.await("the first batch failed", () -> w.metrics().failedWrites() >= 1);
        long start = System.nanoTime();
        String log;
        try (LogCapture capture = LogCapture.start()) {
            w.close();
            log = capture.text();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Before the fix the back-off waited on the stop signal, already given: ~10 000 attempts a second.
        // On the clock, 1 s of 50, 100, 200, 200, … ms pauses allows about eight.
        assertThat(w.metrics().failedWrites()).isBetween(2L, 15L);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_500));
        assertThat(w.metrics().abandoned()).isEqualTo(35);
        assertThat(log.split("the store refused", -1)).as("failure lines while stopping").hasSize(1);
        assertThat(log).contains("tracking stopped with 35 page view(s) unwritten");
    }

    @Test
    @DisplayName("page views offered after the stop are dropped and counted")
    void offersAfterStop() {
        EventBuffer buffer = new EventBuffer(1_000);
        EventWriter w = writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(1));
        w.close();
        assertThat(buffer.offer(view(1))).isFalse();
        assertThat(w.metrics().dropped()).isEqualTo(1);
    }

    @Test
    @DisplayName("raw events older than the retention are deleted at start and then once a day")
    void retention() {
        EventBuffer buffer = new EventBuffer(1_000);
        writer(buffer, 10, Duration.ofMillis(10), Duration.ofSeconds(1));
        Eventually.await("the first retention run", () -> sink.retentionCalls().size() == 1);
        assertThat(sink.retentionCalls().get(0)).isEqualTo(clock.instant().minus(Duration.ofDays(90)));

        clock.advance(Duration.ofHours(23));
        buffer.offer(view(1));
        Eventually.await("a write in between", () -> sink.total() == 1);
        assertThat(sink.retentionCalls()).hasSize(1);

        clock.advance(Duration.ofHours(2));
        Eventually.await("the second retention run", () -> sink.retentionCalls().size() == 2);
        assertThat(sink.retentionCalls().get(1)).isEqualTo(clock.instant().minus(Duration.ofDays(90)));
    }

    private static byte[] key() {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) 7);
        return k;
    }
}
