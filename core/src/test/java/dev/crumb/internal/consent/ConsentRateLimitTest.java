package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bounding consent changes per visitor")
class ConsentRateLimitTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final ConsentRateLimit limit = new ConsentRateLimit(clock, 10, Duration.ofSeconds(20), 1000);

    private int allowed(String visitor, int times) {
        int n = 0;
        for (int i = 0; i < times; i++) {
            n += limit.take(visitor).isEmpty() ? 1 : 0;
        }
        return n;
    }

    @Test
    @DisplayName("a burst of 10, then refused with the time until the next change is earned")
    void burstThenRefused() {
        assertThat(allowed("v1", 10)).isEqualTo(10);
        assertThat(limit.take("v1")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limit.take("v1")).contains(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("one change is earned every 20 seconds, up to the burst")
    void refills() {
        allowed("v1", 10);
        clock.advance(Duration.ofSeconds(40));
        assertThat(allowed("v1", 5)).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(allowed("v1", 20)).isEqualTo(10);
    }

    @Test
    @DisplayName("a visitor's first decision is never refused, whatever others did")
    void firstDecision() {
        allowed("v1", 50);
        for (int i = 0; i < 500; i++) {
            assertThat(limit.take("new-" + i)).isEmpty();
        }
    }
}
