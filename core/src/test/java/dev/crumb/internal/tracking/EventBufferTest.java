package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventBufferTest {

    private static TrackedView view(int n) {
        return TrackedView.anonymous(Instant.EPOCH.plusMillis(n), "/p" + n);
    }

    @Test
    void keepsOrderAndDropsWhenFull() {
        EventBuffer buffer = new EventBuffer(3);
        for (int i = 0; i < 5; i++) {
            assertThat(buffer.offer(view(i))).isEqualTo(i < 3);
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.recorded()).isEqualTo(3);
        assertThat(buffer.dropped()).isEqualTo(2);

        List<TrackedView> batch = new ArrayList<>();
        assertThat(buffer.drainTo(batch, 2)).isEqualTo(2);
        assertThat(batch).containsExactly(view(0), view(1));
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.offer(view(5))).isTrue();
        assertThat(buffer.drainTo(batch, 10)).isEqualTo(2);
        assertThat(batch).containsExactly(view(0), view(1), view(2), view(5));
        assertThat(buffer.size()).isZero();
    }

    @Test
    void closedBufferRefusesAndCounts() {
        EventBuffer buffer = new EventBuffer(10);
        buffer.close();

        assertThat(buffer.offer(view(1))).isFalse();
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void refusesNullAndANonPositiveCapacity() {
        assertThatThrownBy(() -> new EventBuffer(0)).isInstanceOf(IllegalArgumentException.class);
        EventBuffer buffer = new EventBuffer(1);
        assertThatThrownBy(() -> buffer.offer(null)).isInstanceOf(NullPointerException.class);
        assertThat(buffer.recorded() + buffer.dropped()).isZero();
    }

    @Test
    void pollReturnsNullAfterItsTimeoutWhenNothingCame() throws InterruptedException {
        assertThat(new EventBuffer(10).poll(20, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aWaitingPollIsWokenByAnOffer() throws Exception {
        EventBuffer buffer = new EventBuffer(10);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // A poll that waited out its full minute would fail the get below.
            Future<TrackedView> polled = writer.submit(() -> buffer.poll(1, TimeUnit.MINUTES));
            Thread.sleep(50);
            buffer.offer(view(7));

            assertThat(polled.get(20, TimeUnit.SECONDS)).isEqualTo(view(7));
            assertThat(buffer.size()).isZero();
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void anInterruptedPollSaysSo() throws Exception {
        EventBuffer buffer = new EventBuffer(10);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> buffer.poll(1, TimeUnit.MINUTES)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void concurrentOffersAreEachTakenOnceAndNeverOverfill() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        int capacity = 1_000;
        EventBuffer buffer = new EventBuffer(capacity);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean overfilled = new AtomicBoolean();
        List<Future<?>> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            recorders.add(pool.submit(() -> {
                start.await();
                for (int i = first; i < first + perThread; i++) {
                    buffer.offer(view(i));
                    if (buffer.size() > capacity) {
                        overfilled.set(true);
                    }
                }
                return null;
            }));
        }
        Set<TrackedView> taken = new HashSet<>();
        List<TrackedView> batch = new ArrayList<>();
        start.countDown();
        while (!recorders.stream().allMatch(Future::isDone) || buffer.size() > 0) {
            TrackedView one = buffer.poll(5, TimeUnit.MILLISECONDS);
            if (one != null) {
                batch.add(one);
            }
            buffer.drainTo(batch, 100);
            batch.forEach(view -> assertThat(taken.add(view)).as("taken twice: %s", view).isTrue());
            batch.clear();
        }
        for (Future<?> recorder : recorders) {
            recorder.get();
        }
        pool.shutdown();

        assertThat(overfilled).isFalse();
        assertThat(buffer.recorded() + buffer.dropped()).isEqualTo((long) threads * perThread);
        assertThat((long) taken.size()).isEqualTo(buffer.recorded());
    }
}
