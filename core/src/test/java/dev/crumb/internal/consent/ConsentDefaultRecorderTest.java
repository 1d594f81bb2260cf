package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentDefaultMetrics;
import dev.crumb.ConsentSource;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Eventually;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.SwitchableStore;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentDefaultRecorderTest {

    private static final ConsentState REGION_DEFAULT =
            new ConsentState(Set.of(Category.ANALYTICS), true, ConsentSource.REGION_DEFAULT, 1, null);

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final SwitchableStore store = new SwitchableStore(CrumbStores.inMemory());
    private final VisitorHasher hasher = new VisitorHasher(new byte[32]);
    private final ConsentDefaultRecorder recorder =
            ConsentDefaultRecorder.start(new ConsentJournal(store.consentLog(), hasher), clock);

    @AfterEach
    void close() {
        store.releaseConsentLog();
        recorder.close();
    }

    @Test
    @DisplayName("a default is offered to the cookie once it is durable, and only once")
    void offeredToTheCookieOnce() {
        assertThat(recorder.offer("v1", REGION_DEFAULT)).as("queued").isNull();
        Eventually.await("written", () -> recorder.metrics().recorded() == 1);

        assertThat(recorder.offer("v1", REGION_DEFAULT)).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(recorder.offer("v1", REGION_DEFAULT)).as("a replayed cookie gets nothing more").isNull();
        assertThat(store.consentLog().history(hasher.visitorKey("v1"), 10)).hasSize(1);
    }

    @Test
    @DisplayName("when the store hangs, offers never wait: beyond the queue's bound defaults are dropped and counted")
    void fullQueueDropsAndCounts() throws Exception {
        store.holdConsentLog();
        int offered = 3 * ConsentDefaultRecorder.QUEUE_CAPACITY;
        CompletableFuture<Void> offers = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < offered; i++) {
                recorder.offer("visitor-" + i, REGION_DEFAULT);
            }
        });
        offers.get(30, TimeUnit.SECONDS);

        ConsentDefaultMetrics held = recorder.metrics();
        assertThat(held.queued()).as("the queue and the write in progress, each bounded")
                .isLessThanOrEqualTo(2L * ConsentDefaultRecorder.QUEUE_CAPACITY);
        assertThat(held.dropped() + held.queued()).as("every default is waiting or counted as dropped").isEqualTo(offered);
        assertThat(held.dropped()).isGreaterThanOrEqualTo(ConsentDefaultRecorder.QUEUE_CAPACITY);

        store.releaseConsentLog();
        Eventually.await("the queue written", () -> recorder.metrics().queued() == 0
                && recorder.metrics().recorded() == offered - held.dropped());
        assertThat(recorder.offer("visitor-" + (offered - 1), REGION_DEFAULT))
                .as("a dropped default is queued again on the visitor's next page").isNull();
        Eventually.await("and written", () -> recorder.metrics().recorded() == offered - held.dropped() + 1);
    }

    @Test
    @DisplayName("closing writes what is still queued")
    void closeDrains() {
        store.holdConsentLog();
        for (int i = 0; i < 10; i++) {
            recorder.offer("visitor-" + i, REGION_DEFAULT);
        }
        store.releaseConsentLog();
        recorder.close();

        assertThat(recorder.metrics()).isEqualTo(new ConsentDefaultMetrics(10, 0, 0, 0, 0));
        assertThat(recorder.offer("late", REGION_DEFAULT)).as("nothing is taken after close").isNull();
        assertThat(recorder.metrics().queued()).isZero();
    }
}
